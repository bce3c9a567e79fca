package io.attune.scoring.engine;

/**
 * What the emotion lexicon knows about a feeling word: its family (for mirroring), its valence, whether
 * it is a strong word (for modulated responses) and whether it is generic ("bad", "upset") rather than
 * granular ("resentful").
 */
record Affect(String family, boolean negative, boolean intense, boolean generic) {}
