package io.attune.scoring.engine;

/**
 * One tier of evidence for one input kind. The shipped tier is lexical; a semantic tier (embeddings, a
 * classifier) would implement the same interface and add its own evidence to the same sheet, so the
 * analyzer, the scores and the wire format stay unchanged.
 */
interface SignalDetector<I> {
    void detect(I input, ScoreSheet sheet);
}
