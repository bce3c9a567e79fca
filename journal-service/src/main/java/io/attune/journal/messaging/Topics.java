package io.attune.journal.messaging;

/** Topic names of ARCHITECTURE.md. */
public final class Topics {

    public static final String JOURNAL_ENTRIES = "journal-entries";
    public static final String CONVERSATION_SAMPLES = "conversation-samples";
    public static final String CLIENT_ERASURES = "client-erasures";

    private Topics() {
    }
}
