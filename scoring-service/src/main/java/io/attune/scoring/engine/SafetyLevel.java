package io.attune.scoring.engine;

public enum SafetyLevel {
    NONE("none"), CONCERN("concern"), CRISIS("crisis");

    private final String wireName;

    SafetyLevel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
