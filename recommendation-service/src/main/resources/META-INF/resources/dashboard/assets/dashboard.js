// Attune coach dashboard. Loaded as a static file: the pages' Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  // Colours by series position; the server sends the series in a fixed order (overall, then by name).
  var PALETTE = ['#14213d', '#0b57d0', '#b3261e', '#0f6b2f', '#8a4b00', '#6a1b9a', '#00696f', '#c2185b',
    '#3e5c00', '#5d4037', '#1565c0', '#7b5e00', '#37474f'];

  function formatDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function registerPlugins() {
    var annotation = window['chartjs-plugin-annotation'];
    if (window.Chart && annotation) {
      window.Chart.register(annotation);
    }
  }

  function drawChart(canvas) {
    if (!window.Chart || canvas.dataset.drawing) {
      return;
    }
    canvas.dataset.drawing = 'true';
    fetch(canvas.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('chart data: ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var existing = window.Chart.getChart(canvas);
        if (existing) {
          existing.destroy();
        }
        var datasets = data.series.map(function (series, i) {
          return {
            label: series.name,
            data: series.points.map(function (p) { return { x: p.x, y: p.y, assessmentId: p.assessmentId }; }),
            borderColor: PALETTE[i % PALETTE.length],
            backgroundColor: PALETTE[i % PALETTE.length],
            borderWidth: i === 0 ? 3 : 2,
            pointRadius: 4,
            pointHoverRadius: 7,
            tension: 0
          };
        });
        var annotations = {};
        data.thresholds.forEach(function (t, i) {
          annotations['threshold' + i] = {
            type: 'line', yMin: t.value, yMax: t.value, borderColor: '#4a5560', borderWidth: 1,
            borderDash: [6, 4],
            label: { display: true, content: t.label, position: 'start', backgroundColor: 'rgba(255,255,255,0.9)',
              color: '#1b1f24', font: { size: 11 } }
          };
        });
        var chart = new window.Chart(canvas, {
          type: 'line',
          data: { datasets: datasets },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            parsing: false,
            interaction: { mode: 'nearest', intersect: true },
            scales: {
              x: { type: 'linear', ticks: { callback: function (v) { return formatDate(v); }, stepSize: dayStep(datasets) },
                title: { display: true, text: 'date (UTC)' } },
              y: { min: 0, max: 100, title: { display: true, text: 'score' } }
            },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { title: function (items) { return items.length ? formatDate(items[0].parsed.x) : ''; } } },
              annotation: { annotations: annotations }
            },
            onClick: function (event, elements) {
              if (!elements.length) {
                return;
              }
              var point = datasets[elements[0].datasetIndex].data[elements[0].index];
              window.location.assign('/dashboard/clients/' + encodeURIComponent(canvas.dataset.client)
                + '/assessments/' + encodeURIComponent(point.assessmentId));
            }
          }
        });
        applyToggles(canvas, chart);
        canvas.dataset.series = String(datasets.length);
        canvas.dataset.thresholds = String(data.thresholds.length);
        canvas.dataset.ready = 'true';
      })
      .catch(function (error) {
        canvas.dataset.error = String(error);
      })
      .finally(function () {
        delete canvas.dataset.drawing;
      });
  }

  function applyToggles(canvas, chart) {
    var scope = canvas.closest('#trends') || document;
    scope.querySelectorAll('input[data-series]').forEach(function (box) {
      var index = chart.data.datasets.findIndex(function (d) { return d.label === box.dataset.series; });
      if (index < 0) {
        return;
      }
      chart.setDatasetVisibility(index, box.checked);
      box.onchange = function () {
        chart.setDatasetVisibility(index, box.checked);
        chart.update();
      };
    });
    chart.update();
  }

  function initCharts(root) {
    registerPlugins();
    root.querySelectorAll('canvas[data-src]').forEach(drawChart);
  }

  // Roster: search and sort rows in the page, so nothing typed goes into a URL.
  function initRoster() {
    var table = document.getElementById('roster');
    if (!table) {
      return;
    }
    var body = table.tBodies[0];
    var search = document.getElementById('roster-search');
    var sort = document.getElementById('roster-sort');
    search.addEventListener('input', function () {
      var term = search.value.trim().toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = term !== '' && row.textContent.toLowerCase().indexOf(term) < 0;
      });
    });
    sort.addEventListener('change', function () {
      var rows = Array.prototype.slice.call(body.rows);
      var by = sort.value;
      rows.sort(function (a, b) {
        if (by === 'activity') {
          return Number(b.dataset.activity) - Number(a.dataset.activity);
        }
        if (by === 'client') {
          return a.dataset.client.localeCompare(b.dataset.client);
        }
        return Number(a.dataset.attention) - Number(b.dataset.attention);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  }

  // Whether the page's live stream is open, for the coach (the badge) and for tests.
  function initLive() {
    document.body.addEventListener('htmx:sseOpen', function (event) {
      event.target.dataset.live = 'open';
    });
    document.body.addEventListener('htmx:sseError', function (event) {
      event.target.dataset.live = 'reconnecting';
    });
  }

  function dayStep(datasets) {
    var xs = [];
    datasets.forEach(function (d) { d.data.forEach(function (p) { xs.push(p.x); }); });
    if (!xs.length) {
      return undefined;
    }
    var days = (Math.max.apply(null, xs) - Math.min.apply(null, xs)) / 86400000;
    return Math.max(1, Math.ceil(days / 8)) * 86400000;
  }

  document.addEventListener('DOMContentLoaded', function () {
    initLive();
    initRoster();
    initCharts(document);
    document.body.addEventListener('htmx:afterSettle', function (event) {
      initCharts(event.target);
    });
  });
}());
