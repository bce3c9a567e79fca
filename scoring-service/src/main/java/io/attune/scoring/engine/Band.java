package io.attune.scoring.engine;

public enum Band {
    ATTUNED("attuned"), PARTLY_ATTUNED("partly-attuned"), MISATTUNED("misattuned");

    private final String wireName;

    Band(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
