package io.attune.journal;

import java.time.Instant;

/** Something a coaching app sent about a client: a journal entry or a conversation sample. */
public sealed interface Material permits JournalEntry, ConversationSample {

    String id();

    String clientId();

    String locale();

    Instant occurredAt();

    Instant recordedAt();

    PublicationState publication();
}
