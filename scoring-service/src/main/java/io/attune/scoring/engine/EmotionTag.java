package io.attune.scoring.engine;

/** A self-reported feeling; intensity runs from 1 to 10. */
public record EmotionTag(String label, int intensity) {}
