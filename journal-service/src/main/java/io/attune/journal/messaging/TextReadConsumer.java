package io.attune.journal.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import io.attune.chassis.security.ClientRef;
import io.attune.journal.store.ClientStore;
import io.attune.journal.store.TextReadStore;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Adds coaches' reads in other services to the client's audit trail. The event id is the record id, so a
 * redelivery is recorded once. A read of a client erased meanwhile (or of another tenant's client) is dropped:
 * the erasure kept only a count. Only an unreadable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class TextReadConsumer {

    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final TextReadStore textReads;
    private final ClientStore clients;
    private final ObjectMapper mapper;

    public TextReadConsumer(TextReadStore textReads, ClientStore clients, ObjectMapper mapper) {
        this.textReads = textReads;
        this.clients = clients;
        this.mapper = mapper;
    }

    @Incoming("text-reads")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        boolean otherType = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType)
                .filter(type -> !TextReadRecorded.TYPE.equals(type))
                .isPresent();
        if (otherType) {
            // A newer event type on the same topic is for a newer consumer, not a poison message.
            return message.ack();
        }
        TextReadRecorded read;
        try {
            read = mapper.readValue(message.getPayload(), TextReadRecorded.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Never succeeds on a retry: to the dead-letter topic.
            return message.nack(e);
        }
        if (read == null || read.id() == null || read.clientId() == null || read.at() == null) {
            return message.nack(new IllegalArgumentException("text-read event without id, clientId or at"));
        }
        // A valid record is never dead-lettered for MongoDB being away: it is retried, and the partition waits.
        Duration backoff = INITIAL_BACKOFF;
        while (true) {
            try {
                record(read);
                return message.ack();
            } catch (MongoException e) {
                Log.warnf("Cannot record a text read yet (%s); retrying in %d ms", e.getClass().getSimpleName(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    // Shutting down: the record stays uncommitted for the next instance.
                    Thread.currentThread().interrupt();
                    return new CompletableFuture<>();
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void record(TextReadRecorded read) {
        boolean known = clients.find(read.clientId()).filter(access -> access.tenant().equals(read.tenant()))
                .isPresent();
        if (known) {
            textReads.record(new TextReadStore.TextRead(read.id(), read.clientId(), read.coachId(), read.tenant(),
                    read.at(), read.what(), read.service()));
        } else {
            Log.debugf("Dropped a text read of unknown client %s", ClientRef.of(read.clientId()));
        }
    }
}
