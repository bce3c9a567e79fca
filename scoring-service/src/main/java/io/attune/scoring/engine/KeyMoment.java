package io.attune.scoring.engine;

public record KeyMoment(int turn, String signal, int impact) {}
