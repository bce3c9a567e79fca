package io.attune.recommendation.policy;

/**
 * One recommendation to issue, with the reason it was made.
 *
 * @param dimension        the weak dimension it addresses; null for seek-therapy
 * @param score            that dimension's score; for a non-crisis seek-therapy escalation the overall score;
 *                         null on crisis
 * @param evidenceExcerpt  the dimension's evidence; null for seek-therapy (crisis text is never echoed)
 * @param rank             higher first; see docs/recommendation-policy.md for the formula
 * @param summary          one human-readable, non-diagnostic sentence or two
 */
public record Pick(
        String exerciseId,
        String dimension,
        Integer score,
        String evidenceExcerpt,
        String assessmentId,
        double rank,
        String summary) {
}
