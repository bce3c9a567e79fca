package io.attune.recommendation.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.service.RecommendationService;
import io.micrometer.core.annotation.Timed;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes {@code client-erasures}: deletes the client's profile, recommendations, feedback and alerts. */
@ApplicationScoped
public class ErasureConsumer {

    private final RecommendationService service;
    private final ObjectMapper mapper;

    public ErasureConsumer(RecommendationService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @Incoming("client-erasures")
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", "client-erasures" },
            description = "Time from delivery of a record to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onErasure(Message<String> message) {
        if (CloudEventTypes.isOther(message, ClientErasureRequested.TYPE)) {
            return message.ack();
        }
        try {
            ClientErasureRequested erasure = mapper.readValue(message.getPayload(), ClientErasureRequested.class);
            if (erasure.clientId() == null || erasure.clientId().isBlank()) {
                throw new IllegalArgumentException("erasure without clientId");
            }
            service.erase(erasure.clientId(), erasure.requestedAt());
            return message.ack();
        } catch (Exception e) {
            Log.warnf("Sending an unprocessable erasure to the DLQ: %s", e.getClass().getSimpleName());
            return message.nack(e);
        }
    }
}
