package io.attune.recommendation.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which exercises to recommend after an assessment (the rules are spelled out in docs/recommendation-policy.md).
 * Deterministic: the same inputs always give the same decision.
 */
public final class RecommendationPolicy {

    /** Rank of a seek-therapy pick: above any ordinary pick, whose rank is at most 100 x 1.0 x 1.4 x 1.0. */
    public static final double SEEK_THERAPY_RANK = 1000.0;

    /** Rank weight when the weak dimension is the exercise's first-listed target, or only a later one. */
    static final double PRIMARY_TARGET = 1.0;
    static final double SECONDARY_TARGET = 0.8;

    /** Rank weight of an exercise kept despite rotation because the dimension has no alternative. */
    static final double ROTATION_PENALTY = 0.5;

    private static final Comparator<Candidate> BY_RANK =
            Comparator.comparingDouble(Candidate::rank).reversed()
                    .thenComparing(c -> c.exercise().id());

    private final PolicyThresholds thresholds;

    public RecommendationPolicy(PolicyThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public Decision decide(ScoreSnapshot current, ClientHistory history, List<Exercise> catalog, Instant now) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(now, "now");

        if (current.safety() == SafetyLevel.CRISIS) {
            return crisis(current, history);
        }

        int slots = Math.max(0, thresholds.maxActive() - history.active().size());
        List<Pick> picks = new ArrayList<>();
        Escalation escalation = Escalation.evaluate(current, history.recentScores(), thresholds);
        if (escalation.triggered() && slots > 0 && offerable(ExerciseIds.SEEK_THERAPY, history, now)) {
            picks.add(new Pick(ExerciseIds.SEEK_THERAPY, null, current.overallScore(), null,
                    current.assessmentId(), SEEK_THERAPY_RANK, PickSummaries.escalation(escalation, thresholds)));
        }
        for (Candidate candidate : selectOrdinary(current, history, catalog, now, slots - picks.size())) {
            picks.add(candidate.toPick(current));
        }
        return new Decision(picks, List.of(), escalation.byConcern(), false);
    }

    /** Crisis overrides everything: only seek-therapy, every other open recommendation retired, coach alerted. */
    private Decision crisis(ScoreSnapshot current, ClientHistory history) {
        List<String> supersede = history.active().stream()
                .map(ActiveRecommendation::exerciseId)
                .filter(id -> !ExerciseIds.SEEK_THERAPY.equals(id))
                .distinct()
                .toList();
        // An open seek-therapy recommendation is not duplicated; the coach alert still goes out.
        List<Pick> picks = history.isActive(ExerciseIds.SEEK_THERAPY)
                ? List.of()
                : List.of(new Pick(ExerciseIds.SEEK_THERAPY, null, null, null, current.assessmentId(),
                        SEEK_THERAPY_RANK, PickSummaries.crisis()));
        return new Decision(picks, supersede, true, true);
    }

    /**
     * Picks round-robin over the weak dimensions, weakest first, so that one very weak dimension does not take
     * every slot: each round gives every dimension its best exercise not yet taken, and the round's picks are
     * admitted by rank while slots remain. The result is in rank order; each exercise appears at most once.
     */
    private List<Candidate> selectOrdinary(ScoreSnapshot current, ClientHistory history, List<Exercise> catalog,
                                           Instant now, int slots) {
        List<List<Candidate>> perDimension = current.dimensions().stream()
                .filter(d -> d.score() < thresholds.weakDimension())
                .sorted(Comparator.comparingInt(DimensionReading::score).thenComparing(DimensionReading::name))
                .map(reading -> candidatesFor(reading, current, history, catalog, now))
                .toList();

        Set<String> taken = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        while (chosen.size() < slots) {
            List<Candidate> round = new ArrayList<>();
            for (List<Candidate> candidates : perDimension) {
                for (Candidate candidate : candidates) {
                    if (taken.add(candidate.exercise().id())) {
                        round.add(candidate);
                        break;
                    }
                }
            }
            if (round.isEmpty()) {
                break;
            }
            round.sort(BY_RANK);
            chosen.addAll(round.subList(0, Math.min(round.size(), slots - chosen.size())));
        }
        chosen.sort(BY_RANK);
        return chosen;
    }

    /** Eligible exercises for one weak dimension; often-completed ones only when there is no alternative. */
    private List<Candidate> candidatesFor(DimensionReading reading, ScoreSnapshot current, ClientHistory history,
                                          List<Exercise> catalog, Instant now) {
        String context = current.effectiveContext();
        List<Candidate> fresh = new ArrayList<>();
        List<Candidate> rotated = new ArrayList<>();
        for (Exercise exercise : catalog) {
            double contextFit = ContextFit.of(exercise, context);
            if (ExerciseIds.SEEK_THERAPY.equals(exercise.id())
                    || !exercise.targets(reading.name())
                    || contextFit == ContextFit.EXCLUDED
                    || !offerable(exercise.id(), history, now)) {
                continue;
            }
            int completions = history.completions(exercise.id());
            boolean dueForRotation = completions >= thresholds.rotateAfterCompletions();
            double rank = (thresholds.weakDimension() - reading.score())
                    * contextFit
                    * FeedbackFactor.of(history.meanHelpfulness().get(exercise.id()), completions,
                            thresholds.rotateAfterCompletions())
                    * (exercise.targetDimensions().get(0).equals(reading.name()) ? PRIMARY_TARGET : SECONDARY_TARGET)
                    * (dueForRotation ? ROTATION_PENALTY : 1.0);
            (dueForRotation ? rotated : fresh).add(new Candidate(exercise, reading, round(rank)));
        }
        List<Candidate> eligible = fresh.isEmpty() ? rotated : fresh;
        eligible.sort(BY_RANK);
        return eligible;
    }

    /** Not already open, and not dismissed within the cooldown. */
    private boolean offerable(String exerciseId, ClientHistory history, Instant now) {
        if (history.isActive(exerciseId)) {
            return false;
        }
        Instant dismissed = history.lastDismissedAt().get(exerciseId);
        return dismissed == null || Duration.between(dismissed, now).compareTo(thresholds.dismissalCooldown()) >= 0;
    }

    /** Four decimals keep ranks readable and make equal products compare equal. */
    private static double round(double rank) {
        return Math.round(rank * 10_000.0) / 10_000.0;
    }

    private record Candidate(Exercise exercise, DimensionReading reading, double rank) {

        Pick toPick(ScoreSnapshot current) {
            return new Pick(exercise.id(), reading.name(), reading.score(), reading.evidenceExcerpt(),
                    current.assessmentId(), rank, PickSummaries.weakDimension(reading, current));
        }
    }
}
