package io.attune.journal.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the erasure kept only a count.
 */
@ApplicationScoped
public class TextReadConsumer {

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
        boolean known = clients.find(read.clientId()).filter(access -> access.tenant().equals(read.tenant()))
                .isPresent();
        if (known) {
            textReads.record(new TextReadStore.TextRead(read.id(), read.clientId(), read.coachId(), read.tenant(),
                    read.at(), read.what(), read.service()));
        } else {
            Log.debugf("Dropped a text read of unknown client %s", ClientRef.of(read.clientId()));
        }
        return message.ack();
    }
}
