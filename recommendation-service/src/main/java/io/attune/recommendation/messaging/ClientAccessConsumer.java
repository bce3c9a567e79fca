package io.attune.recommendation.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.ids.Ids;
import io.attune.chassis.security.ClientAccess;
import io.attune.recommendation.store.ClientAccessStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps {@link ClientAccessStore} in step with {@code client-access}: tenant, coach assignments and consent, as
 * decided in journal-service. A tombstone (the record of an erasure) removes this service's copy. A change is
 * retried while MongoDB is unavailable, never skipped: a skipped revocation would leave a coach reading on.
 */
@ApplicationScoped
public class ClientAccessConsumer {

    static final String CHANNEL = "client-access";

    private final ClientAccessStore store;
    private final ObjectMapper mapper;
    private final RetryingProcessor processor;
    private final ClientKeys keys;

    public ClientAccessConsumer(ClientAccessStore store, ObjectMapper mapper, RetryingProcessor processor,
            ClientKeys keys) {
        this.keys = keys;
        this.store = store;
        this.mapper = mapper;
        this.processor = processor;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> onChange(Message<String> message) {
        if (message.getPayload() == null) {
            // A tombstone: journal-service erased the client. Records of one client share a partition, so
            // nothing older can follow it; the erasure on client-erasures removes the rest.
            String clientId = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(metadata -> (String) metadata.getKey()).orElse(null);
            if (clientId == null) {
                return message.ack();
            }
            keys.forget(clientId);
            return processor.process(CHANNEL, message, () -> store.delete(clientId));
        }
        if (CloudEventTypes.isOther(message, ClientAccessChanged.TYPE)) {
            return message.ack();
        }
        ClientAccessChanged change;
        try {
            change = mapper.readValue(message.getPayload(), ClientAccessChanged.class);
            if (!Ids.validSubjectId(change.clientId()) || !Ids.validSubjectId(change.tenant())
                    || change.coaches() == null) {
                throw new IllegalArgumentException("client-access event without a valid clientId, tenant or coaches");
            }
        } catch (Exception e) {
            return processor.reject(CHANNEL, message, e);
        }
        ClientAccess access = new ClientAccess(change.clientId(), change.tenant(), Set.copyOf(change.coaches()),
                change.shareTextWithCoach());
        return processor.process(CHANNEL, message, () -> store.apply(access, change.version()));
    }
}
