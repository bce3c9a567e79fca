package io.attune.recommendation.rest.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAccess;
import io.attune.chassis.security.Grant;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.config.DashboardConfig;
import io.attune.recommendation.config.RecommendationConfig;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.ProfileSummary;
import io.attune.recommendation.policy.ScoreProfile;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.store.AlertStore;
import io.attune.recommendation.store.AssessmentStore;
import io.attune.recommendation.store.ClientAccessStore;
import io.attune.recommendation.store.ProfileStore;
import io.attune.recommendation.store.RecommendationStore;

/** Builds what the dashboard pages show from the stores, under the grant of the request. */
@ApplicationScoped
public class DashboardViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int ALERTS = 50;
    private static final int RECOMMENDATIONS = 30;
    private static final String OVERALL = "overall";

    /** One line of a chart: a dimension's scores over time. */
    public record Point(long x, int y, String assessmentId) {
    }

    public record Series(String name, List<Point> points) {
    }

    public record Threshold(int value, String label) {
    }

    public record Chart(List<Series> series, List<Threshold> thresholds) {
    }

    private final ClientAccessStore access;
    private final ProfileStore profiles;
    private final AlertStore alerts;
    private final RecommendationStore recommendations;
    private final AssessmentStore assessments;
    private final AccessControl accessControl;
    private final JournalTexts journal;
    private final RecommendationConfig recommendationConfig;
    private final DashboardConfig config;
    private final Clock clock;

    public DashboardViews(ClientAccessStore access, ProfileStore profiles, AlertStore alerts,
            RecommendationStore recommendations, AssessmentStore assessments, AccessControl accessControl,
            JournalTexts journal, RecommendationConfig recommendationConfig, DashboardConfig config, Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.alerts = alerts;
        this.recommendations = recommendations;
        this.assessments = assessments;
        this.accessControl = accessControl;
        this.journal = journal;
        this.recommendationConfig = recommendationConfig;
        this.config = config;
        this.clock = clock;
    }

    /** The coach's clients: open alerts first, then stalled ones, then by latest activity. */
    public List<Views.RosterRow> roster(Caller coach) {
        Instant stalledBefore = clock.instant().minus(config.stalledAfter());
        return access.assignedTo(coach.tenant(), coach.subject()).stream()
                .map(client -> row(client, stalledBefore))
                .sorted(Comparator.comparingInt((Views.RosterRow r) -> r.openAlerts() > 0 ? 0 : 1)
                        .thenComparingInt(r -> r.stalled() ? 0 : 1)
                        .thenComparing(Comparator.comparingLong(Views.RosterRow::lastActivityEpoch).reversed())
                        .thenComparing(Views.RosterRow::clientId))
                .toList();
    }

    private Views.RosterRow row(ClientAccess client, Instant stalledBefore) {
        List<ScoreSnapshot> history = profiles.history(client.clientId());
        Instant last = history.isEmpty() ? null : history.get(history.size() - 1).scoredAt();
        int open = (int) alerts.forClient(client.clientId(), ALERTS).stream()
                .filter(a -> a.acknowledgedAt() == null).count();
        List<String> exercises = recommendations.open(client.clientId()).stream().map(Recommendation::title)
                .toList();
        return new Views.RosterRow(client.clientId(), client.shareTextWithCoach(), open,
                last == null || last.isBefore(stalledBefore), last == null ? "none yet" : DATE.format(last),
                last == null ? 0 : last.toEpochMilli(), trend(history), exercises);
    }

    private String trend(List<ScoreSnapshot> history) {
        ProfileSummary summary = ScoreProfile.summarize(history, recommendationConfig.profileWindow());
        return summary.overall() == null ? "no scores yet" : summary.overall().trend().label();
    }

    public Views.ClientPage client(Grant grant) {
        String clientId = grant.clientId();
        return new Views.ClientPage(clientId, grant.textVisible(), trend(profiles.history(clientId)),
                alerts(clientId), recommendations(grant), trends(clientId));
    }

    public Views.Trends trends(String clientId) {
        List<ScoreSnapshot> history = profiles.history(clientId);
        List<Views.AssessmentRow> rows = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            ScoreSnapshot s = history.get(i);
            rows.add(new Views.AssessmentRow(s.assessmentId(), DATE.format(s.scoredAt()), s.kind(), s.overallScore(),
                    s.band(), s.safetyLevel()));
        }
        List<Views.Delta> deltas = chart(clientId).series().stream()
                .filter(series -> !series.points().isEmpty())
                .map(series -> {
                    int first = series.points().get(0).y();
                    int latest = series.points().get(series.points().size() - 1).y();
                    int change = latest - first;
                    return new Views.Delta(series.name(), first, latest, change,
                            change > 0 ? "up" : change < 0 ? "down" : "flat");
                })
                .toList();
        return new Views.Trends(deltas, rows);
    }

    public List<Views.AlertView> alerts(String clientId) {
        return alerts.forClient(clientId, ALERTS).stream().map(DashboardViews::alert).toList();
    }

    static Views.AlertView alert(AlertStore.CoachAlert a) {
        return new Views.AlertView(a.assessmentId(), a.level(), a.reason(), DATE.format(a.raisedAt()),
                a.acknowledgedBy(), a.acknowledgedAt() == null ? null : DATE.format(a.acknowledgedAt()));
    }

    /** The client's latest recommendations; their words only as the grant allows (and audited). */
    public List<Views.RecommendationView> recommendations(Grant grant) {
        Map<String, List<RecommendationStore.FeedbackStep>> history = recommendations.feedbackHistory(grant.clientId());
        return recommendations.list(grant.clientId(), null, null, RECOMMENDATIONS).items().stream()
                .map(r -> accessControl.visible(grant, r))
                .map(r -> {
                    Recommendation.Reason reason = r.reason();
                    Recommendation.Feedback feedback = r.feedback();
                    boolean hidden = !grant.textVisible() && reason != null;
                    String why = reason == null ? null
                            : hidden ? AccessControl.WORDS_HIDDEN
                                    : reason.evidence() != null ? reason.evidence() : reason.summary();
                    return new Views.RecommendationView(r.title(), r.status().wireName(),
                            reason == null ? null : reason.dimension(), reason == null ? null : reason.score(), why,
                            hidden, DATE.format(r.issuedAt()), r.updatedAt() == null ? null : DATE.format(r.updatedAt()),
                            feedback == null || feedback.helpful() == null ? null : helpful(feedback.helpful()),
                            feedback == null ? null : feedback.note(),
                            feedback == null || feedback.at() == null ? null : DATE.format(feedback.at()),
                            reason == null ? null : reason.assessmentId(),
                            history.getOrDefault(r.id(), List.of()).stream().map(DashboardViews::step).toList());
                })
                .toList();
    }

    private static String step(RecommendationStore.FeedbackStep step) {
        return step.status().wireName() + (step.helpful() == null ? "" : ", helpful " + helpful(step.helpful()))
                + " · " + DATE.format(step.at());
    }

    private static String helpful(int helpful) {
        return helpful + "/5";
    }

    /** One series per dimension, overall first and then by name, so colours and order never change. */
    public Chart chart(String clientId) {
        List<ScoreSnapshot> history = profiles.history(clientId);
        Map<String, List<Point>> byName = new TreeMap<>();
        List<Point> overall = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (ScoreSnapshot s : history) {
            long at = s.scoredAt().toEpochMilli();
            overall.add(new Point(at, s.overallScore(), s.assessmentId()));
            kinds.add(s.isJournal() ? ScoreSnapshot.JOURNAL : "conversation");
            for (DimensionReading reading : s.dimensions()) {
                byName.computeIfAbsent(reading.name(), k -> new ArrayList<>())
                        .add(new Point(at, reading.score(), s.assessmentId()));
            }
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series(OVERALL, overall));
        byName.forEach((name, points) -> series.add(new Series(name, points)));
        List<Threshold> thresholds = new ArrayList<>();
        DashboardConfig.Bands bands = config.bands();
        if (kinds.contains("conversation")) {
            thresholds.add(new Threshold(bands.conversationAttuned(), "conversation attuned ≥ " + bands.conversationAttuned()));
            thresholds.add(new Threshold(bands.conversationPartly(), "conversation misattuned < " + bands.conversationPartly()));
        }
        if (kinds.contains(ScoreSnapshot.JOURNAL)) {
            thresholds.add(new Threshold(bands.journalAttuned(), "journal attuned ≥ " + bands.journalAttuned()));
            thresholds.add(new Threshold(bands.journalPartly(), "journal misattuned < " + bands.journalPartly()));
        }
        return new Chart(series, thresholds);
    }

    /**
     * One assessment. With consent (and audited), the client's text from journal-service, asked for with the
     * coach's {@code token}, with each evidence span as a chip inline; when journal-service does not serve it, the
     * passages the scorer quoted. Without consent, the signals and scores only.
     */
    public Optional<Views.AssessmentPage> assessment(Grant grant, String assessmentId, Optional<String> token) {
        return assessments.find(grant.clientId(), assessmentId).map(a -> {
            List<Views.Passage> passages = List.of();
            boolean fullText = false;
            if (grant.textVisible()) {
                accessControl.auditRead(grant, "assessment:" + a.id());
                Optional<Map<Integer, String>> texts = token
                        .flatMap(t -> journal.texts(t, grant.clientId(), a.kind(), a.sourceId()));
                fullText = texts.isPresent();
                passages = texts.map(t -> inText(a, t)).orElseGet(() -> passages(a));
            }
            List<Views.SignalView> signals = a.dimensions().stream()
                    .flatMap(d -> d.evidence().stream()
                            .map(e -> new Views.SignalView(d.name(), d.score(), e.signal(), e.effect())))
                    .toList();
            return new Views.AssessmentPage(grant.clientId(), a.id(), DATE.format(a.scoredAt()), a.kind(),
                    a.context(), a.overall(), a.band(), a.safetyLevel(), grant.textVisible(), fullText,
                    a.dimensions().stream().map(d -> new Views.DimensionScore(d.name(), d.score())).toList(),
                    a.keyMoments().stream().map(k -> new Views.MomentView(where(k.turn()), k.signal(), k.impact()))
                            .toList(),
                    passages, signals);
        });
    }

    private static String where(int turn) {
        return switch (turn) {
            case -1 -> "the text";
            case -2 -> "the tags";
            default -> "turn " + (turn + 1);
        };
    }

    /**
     * Rebuilds, turn by turn, the parts of the client's text that the evidence spans cover (their offsets and
     * texts place every covered character), cut at every span boundary so each piece carries the signals of all
     * spans over it. Uncovered gaps show as an ellipsis. Spans whose texts disagree at a position (a scorer that
     * reports approximate offsets) are shown one after another instead.
     */
    static List<Views.Passage> passages(AssessmentStore.Assessment a) {
        Map<Integer, List<Tagged>> byTurn = new TreeMap<>();
        for (AssessmentStore.Dimension d : a.dimensions()) {
            for (AssessmentStore.Span s : d.evidence()) {
                if (s.text() != null && !s.text().isEmpty() && s.end() - s.start() == s.text().length()) {
                    byTurn.computeIfAbsent(s.turn(), k -> new ArrayList<>()).add(new Tagged(s, d.name()));
                }
            }
        }
        List<Views.Passage> passages = new ArrayList<>();
        byTurn.forEach((turn, spans) -> passages.add(new Views.Passage(where(turn), segments(spans))));
        return passages;
    }

    private record Tagged(AssessmentStore.Span span, String dimension) {
    }

    /**
     * The client's whole text, turn by turn, cut at every evidence span boundary, so each piece carries the signals
     * of all spans over it. A span whose offsets do not hold its text in this version of the text is left out.
     */
    static List<Views.Passage> inText(AssessmentStore.Assessment a, Map<Integer, String> texts) {
        List<Views.Passage> passages = new ArrayList<>();
        texts.forEach((turn, text) -> {
            List<Tagged> spans = new ArrayList<>();
            for (AssessmentStore.Dimension d : a.dimensions()) {
                for (AssessmentStore.Span s : d.evidence()) {
                    if (s.turn() == turn && s.start() >= 0 && s.start() < s.end() && s.end() <= text.length()
                            && text.substring(s.start(), s.end()).equals(s.text())) {
                        spans.add(new Tagged(s, d.name()));
                    }
                }
            }
            TreeSet<Integer> cuts = cuts(spans);
            cuts.add(0);
            cuts.add(text.length());
            List<Views.Segment> segments = new ArrayList<>();
            Integer previous = null;
            for (int cut : cuts) {
                if (previous != null && cut > previous) {
                    int from = previous;
                    List<Tagged> over = covering(spans, from, cut);
                    List<String> signals = over.stream().map(DashboardViews::label).distinct().toList();
                    segments.add(new Views.Segment(text.substring(from, cut), signals,
                            over.isEmpty() ? null : tone(over.stream().mapToInt(t -> t.span().effect()).sum())));
                }
                previous = cut;
            }
            passages.add(new Views.Passage(where(turn), segments));
        });
        return passages;
    }

    /** Where a span starts or ends: the boundaries of the segments. */
    private static TreeSet<Integer> cuts(List<Tagged> spans) {
        TreeSet<Integer> cuts = new TreeSet<>();
        spans.forEach(t -> {
            cuts.add(t.span().start());
            cuts.add(t.span().end());
        });
        return cuts;
    }

    /** The spans covering the whole of [from, to). */
    private static List<Tagged> covering(List<Tagged> spans, int from, int to) {
        return spans.stream().filter(t -> t.span().start() <= from && t.span().end() >= to).toList();
    }

    private static List<Views.Segment> segments(List<Tagged> spans) {
        TreeMap<Integer, Character> chars = new TreeMap<>();
        boolean consistent = true;
        for (Tagged t : spans) {
            for (int i = t.span().start(); i < t.span().end(); i++) {
                Character known = chars.putIfAbsent(i, t.span().text().charAt(i - t.span().start()));
                if (known != null && known != t.span().text().charAt(i - t.span().start())) {
                    consistent = false;
                }
            }
        }
        if (!consistent) {
            Map<String, Set<String>> bySpan = new LinkedHashMap<>();
            Map<String, Integer> effect = new LinkedHashMap<>();
            spans.stream().sorted(Comparator.comparingInt((Tagged t) -> t.span().start()))
                    .forEach(t -> {
                        bySpan.computeIfAbsent(t.span().text(), k -> new LinkedHashSet<>()).add(label(t));
                        effect.merge(t.span().text(), t.span().effect(), Integer::sum);
                    });
            List<Views.Segment> segments = new ArrayList<>();
            bySpan.forEach((text, signals) -> {
                if (!segments.isEmpty()) {
                    segments.add(new Views.Segment(" … ", List.of(), null));
                }
                segments.add(new Views.Segment(text, List.copyOf(signals), tone(effect.get(text))));
            });
            return segments;
        }
        List<Views.Segment> segments = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts(spans)) {
            if (previous != null) {
                int from = previous;
                List<Tagged> over = covering(spans, from, cut);
                if (over.isEmpty()) {
                    segments.add(new Views.Segment(" … ", List.of(), null));
                } else {
                    StringBuilder text = new StringBuilder();
                    for (int i = from; i < cut; i++) {
                        text.append(chars.get(i));
                    }
                    List<String> signals = over.stream().map(DashboardViews::label).distinct().toList();
                    int effect = over.stream().mapToInt(t -> t.span().effect()).sum();
                    Views.Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                    if (last != null && last.signals().equals(signals)) {
                        segments.set(segments.size() - 1,
                                new Views.Segment(last.text() + text, signals, last.tone()));
                    } else {
                        segments.add(new Views.Segment(text.toString(), signals, tone(effect)));
                    }
                }
            }
            previous = cut;
        }
        if (!segments.isEmpty() && spans.stream().mapToInt(t -> t.span().start()).min().orElse(0) > 0) {
            segments.add(0, new Views.Segment("… ", List.of(), null));
        }
        return segments;
    }

    private static String label(Tagged t) {
        return t.span().signal() + " (" + t.dimension() + ")";
    }

    private static String tone(Integer effect) {
        return Objects.requireNonNullElse(effect, 0) < 0 ? "lowers" : "raises";
    }
}
