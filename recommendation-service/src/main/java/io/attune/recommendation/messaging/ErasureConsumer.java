package io.attune.recommendation.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.recommendation.service.RecommendationService;
import io.micrometer.core.annotation.Timed;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code client-erasures}: deletes the client's profile, recommendations, feedback and alerts. An erasure
 * is retried while MongoDB is unavailable (it must never be skipped); only an invalid one is dead-lettered.
 */
@ApplicationScoped
public class ErasureConsumer {

    static final String CHANNEL = "client-erasures";

    private final RecommendationService service;
    private final ObjectMapper mapper;
    private final RetryingProcessor processor;
    private final ClientKeys keys;

    public ErasureConsumer(RecommendationService service, ObjectMapper mapper, RetryingProcessor processor,
            ClientKeys keys) {
        this.keys = keys;
        this.service = service;
        this.mapper = mapper;
        this.processor = processor;
    }

    @Incoming(CHANNEL)
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", CHANNEL },
            description = "Time from delivery of a record to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onErasure(Message<String> message) {
        if (CloudEventTypes.isOther(message, ClientErasureRequested.TYPE)) {
            return message.ack();
        }
        ClientErasureRequested erasure;
        try {
            erasure = ClientErasureRequested.read(mapper, message.getPayload());
        } catch (Exception e) {
            return processor.reject(CHANNEL, message, e);
        }
        // The client's key leaves this memory now, not at the end of its cache time.
        keys.forget(erasure.clientId());
        return processor.process(CHANNEL, message, () -> service.erase(erasure.clientId(), erasure.requestedAt()));
    }
}
