package io.attune.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who a journal entry is about: the client themselves or one of their relationships. */
public enum Context {
    SELF, PARTNER, CHILD, FRIEND, COLLEAGUE, COACHEE, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Context fromWire(String value) {
        return WireNames.parse(Context.class, value);
    }
}
