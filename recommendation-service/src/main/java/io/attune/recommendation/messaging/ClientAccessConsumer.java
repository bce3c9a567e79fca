package io.attune.recommendation.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.ids.Ids;
import io.attune.chassis.security.ClientAccess;
import io.attune.recommendation.store.ClientAccessStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps {@link ClientAccessStore} in step with {@code client-access}: tenant, coach assignments and consent, as
 * decided in journal-service. A tombstone (the record of an erasure) removes this service's copy. A change is
 * retried while MongoDB is unavailable, never skipped: a skipped revocation would leave a coach reading on. Records
 * are consumed in batches (one poll at a time), stored with at most two round trips per batch.
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
        this.store = store;
        this.mapper = mapper;
        this.processor = processor;
        this.keys = keys;
    }

    /** A record of the batch and the change it carries. */
    private record Consumed(Message<String> message, ClientAccessStore.Change change) {
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> onChanges(KafkaRecordBatch<String, String> batch) {
        List<Consumed> changes = new ArrayList<>();
        List<CompletionStage<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            if (record.getPayload() == null) {
                // A tombstone: journal-service erased the client. Records of one client share a partition, so
                // nothing older can follow it; the erasure on client-erasures removes the rest.
                if (record.getKey() != null) {
                    keys.forget(record.getKey());
                    changes.add(new Consumed(record, ClientAccessStore.Change.erased(record.getKey())));
                }
                continue;
            }
            if (CloudEventTypes.isOther(record, ClientAccessChanged.TYPE)) {
                continue;
            }
            try {
                changes.add(new Consumed(record, toChange(record)));
            } catch (Exception e) {
                rejected.add(processor.reject(CHANNEL, record, e));
            }
        }
        return processor.processBatch(CHANNEL, batch, changes, Consumed::message,
                all -> store.applyAll(all.stream().map(Consumed::change).toList()),
                one -> store.apply(one.change()), rejected);
    }

    private ClientAccessStore.Change toChange(Message<String> message) throws Exception {
        ClientAccessChanged change = mapper.readValue(message.getPayload(), ClientAccessChanged.class);
        if (!Ids.validSubjectId(change.clientId()) || !Ids.validSubjectId(change.tenant())
                || change.coaches() == null) {
            throw new IllegalArgumentException("client-access event without a valid clientId, tenant or coaches");
        }
        return new ClientAccessStore.Change(change.clientId(), new ClientAccess(change.clientId(), change.tenant(),
                Set.copyOf(change.coaches()), change.shareTextWithCoach()), change.version());
    }
}
