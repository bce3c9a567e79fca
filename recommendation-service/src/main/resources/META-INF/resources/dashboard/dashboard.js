// Reads only the recommendation-service API (profile and recommendations) with the coach's bearer token, which
// stays in this tab's session storage. Without the client's consent the API itself leaves the client's words out.
const $ = (id) => document.getElementById(id);
const text = (value) => document.createTextNode(value == null ? '' : String(value));
function row(cells) {
  const tr = document.createElement('tr');
  for (const [value, cls] of cells) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    td.appendChild(text(value));
    tr.appendChild(td);
  }
  return tr;
}
function chart(points) {
  const svg = $('chart');
  svg.replaceChildren();
  if (!points || points.length === 0) return;
  const step = points.length > 1 ? 400 / (points.length - 1) : 0;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(140 - p.score * 1.3 - 5).toFixed(1)}`).join(' ');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  line.setAttribute('d', path);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#3b82f6');
  line.setAttribute('stroke-width', '2');
  svg.appendChild(line);
}
async function show(clientId) {
  $('status').textContent = 'Loading…';
  const base = `/api/v1/clients/${encodeURIComponent(clientId)}`;
  const headers = { Authorization: `Bearer ${sessionStorage.getItem('attune-token') || ''}` };
  const get = (url) => fetch(url, { headers }).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
    return r.json();
  });
  let profile;
  let recs;
  try {
    [profile, recs] = await Promise.all([get(`${base}/profile`), get(`${base}/recommendations?limit=20`)]);
  } catch (e) {
    $('status').textContent = `Cannot load this client: ${e.message}`;
    return;
  }
  chart(profile.history && profile.history.overall);
  $('dimensions').replaceChildren(...(profile.summary?.dimensions || []).map((d) =>
    row([[d.name], [d.latest, 'score'], [d.rollingAverage, 'score'], [d.trend?.toLowerCase?.() || d.trend, `trend-${String(d.trend).toLowerCase()}`]])));
  $('recommendations').replaceChildren(...(recs.items || []).map((r) =>
    row([[r.title], [r.status], [r.reason?.summary]])));
  const alerts = profile.alerts || [];
  $('alerts').replaceChildren(...(alerts.length ? alerts.map((a) => {
    const div = document.createElement('div');
    div.className = 'alert';
    div.appendChild(text(`${a.level.toUpperCase()} · ${new Date(a.raisedAt).toLocaleString()} · ${a.reason}`));
    return div;
  }) : [text('No alerts.')]));
  $('status').textContent = `${profile.scores} assessments`;
}
$('pick').addEventListener('submit', (e) => {
  e.preventDefault();
  if ($('token').value) sessionStorage.setItem('attune-token', $('token').value);
  show($('client').value);
  history.replaceState(null, '', `?client=${encodeURIComponent($('client').value)}`);
});
const initial = new URLSearchParams(location.search).get('client');
if (initial) { $('client').value = initial; show(initial); }
