package io.attune.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The client's relationship to the other person in a conversation sample. */
public enum Relationship {
    PARTNER, CHILD, FRIEND, COLLEAGUE, COACHEE, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Relationship fromWire(String value) {
        return WireNames.parse(Relationship.class, value);
    }
}
