package io.attune.journal.messaging;

/** Topic names (docs/events/asyncapi.yaml). */
public final class Topics {

    public static final String JOURNAL_ENTRIES = "journal-entries";
    public static final String CONVERSATION_SAMPLES = "conversation-samples";
    public static final String CLIENT_ERASURES = "client-erasures";
    /** Compacted: the latest tenant, coaches and consent of each client. */
    public static final String CLIENT_ACCESS = "client-access";
    /** Coaches' reads of client text in other services, for the client's audit trail. */
    public static final String TEXT_READS = "text-reads";

    private Topics() {
    }
}
