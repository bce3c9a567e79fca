package io.attune.recommendation.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.ids.Ids;
import io.attune.chassis.security.ClientAccess;
import io.attune.recommendation.store.ClientAccessStore;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps {@link ClientAccessStore} in step with {@code client-access}: tenant, coach assignments and consent, as
 * decided in journal-service. A tombstone (the record of an erasure) removes this service's copy.
 */
@ApplicationScoped
public class ClientAccessConsumer {

    private final ClientAccessStore store;
    private final ObjectMapper mapper;

    public ClientAccessConsumer(ClientAccessStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Incoming("client-access")
    @Blocking(ordered = true)
    public CompletionStage<Void> onChange(Message<String> message) {
        if (message.getPayload() == null) {
            // A tombstone: journal-service erased the client. Records of one client share a partition, so
            // nothing older can follow it; the erasure on client-erasures removes the rest.
            message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(metadata -> (String) metadata.getKey())
                    .ifPresent(store::delete);
            return message.ack();
        }
        if (CloudEventTypes.isOther(message, ClientAccessChanged.TYPE)) {
            return message.ack();
        }
        try {
            ClientAccessChanged change = mapper.readValue(message.getPayload(), ClientAccessChanged.class);
            if (!Ids.validSubjectId(change.clientId()) || !Ids.validSubjectId(change.tenant())
                    || change.coaches() == null) {
                throw new IllegalArgumentException("client-access event without a valid clientId, tenant or coaches");
            }
            store.apply(new ClientAccess(change.clientId(), change.tenant(), Set.copyOf(change.coaches()),
                    change.shareTextWithCoach()), change.version());
            return message.ack();
        } catch (Exception e) {
            Log.warnf("Sending an unprocessable client-access record to the DLQ: %s", e.getClass().getSimpleName());
            return message.nack(e);
        }
    }
}
