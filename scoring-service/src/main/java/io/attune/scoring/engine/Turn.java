package io.attune.scoring.engine;

public record Turn(String speaker, String text) {}
