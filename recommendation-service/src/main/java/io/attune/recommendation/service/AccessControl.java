package io.attune.recommendation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.chassis.crypto.SealedFields;
import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.AccessPolicy;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.ClientRef;
import io.attune.chassis.security.Grant;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.store.ClientAccessStore;
import io.attune.recommendation.store.RecommendationStore;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Authorises a request about one client against this service's copy of the client's access (tenant, coaches,
 * consent), hides the client's words from a coach without consent, and reports a coach's reading of the
 * client's words to the audit trail that journal-service keeps (topic {@code text-reads}).
 */
@ApplicationScoped
public class AccessControl {

    static final String TEXT_READ_TYPE = "attune.recommendation.text-read.v1";
    /** Stands in for a summary (which may quote the client) when a coach may not read the client's words. */
    public static final String WORDS_HIDDEN = "Hidden: the client has not consented to share their words with "
            + "their coach. The exercise, dimension and score are shown.";
    /** Stands in for the words of a recommendation this service no longer holds. */
    static final String WORDS_GONE = "The client's words for this recommendation are no longer available.";
    private static final long AUDIT_TIMEOUT_SECONDS = 5;

    /** Payload of a text-read event (docs/events/text-read.v1.schema.json). */
    public record TextRead(String id, String clientId, String coachId, String tenant, Instant at, String what,
            String service) {
    }

    private final Authorizer authorizer;
    private final ClientAccessStore access;
    private final Emitter<String> textReads;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RecommendationStore recommendations;

    public AccessControl(Authorizer authorizer, ClientAccessStore access,
            @Channel("text-reads") Emitter<String> textReads, ObjectMapper mapper, Clock clock,
            RecommendationStore recommendations) {
        this.recommendations = recommendations;
        this.authorizer = authorizer;
        this.access = access;
        this.textReads = textReads;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @throws ProblemException 403 or 404 as {@link AccessPolicy} decides */
    public Grant authorize(ClientAction action, String clientId) {
        return authorizer.authorize(action, clientId, access.find(clientId));
    }

    /** The caller of the current request, for decisions taken later, outside it (a stream's later events). */
    public Caller caller() {
        return authorizer.caller();
    }

    /** Decides again for a caller read earlier: a stream re-checks assignment and consent at every event. */
    public Grant authorize(Caller caller, ClientAction action, String clientId) {
        return AccessPolicy.decide(caller, action, clientId, access.find(clientId));
    }

    /**
     * The recommendation as the grant may see it: without consent a coach gets the exercise, dimension, score and
     * status, but not the evidence quote, a summary that quotes, or the client's feedback note. A coach's reading of the words is audited first; if
     * the audit cannot be recorded, the words are not served.
     */
    public Recommendation visible(Grant grant, Recommendation recommendation) {
        return visible(grant, recommendation, true);
    }

    /** @param awaitAudit false on a stream, where the audit record is sent without holding up the other events */
    public Recommendation visible(Grant grant, Recommendation recommendation, boolean awaitAudit) {
        Recommendation.Reason reason = recommendation.reason();
        Recommendation.Feedback feedback = recommendation.feedback();
        boolean quotes = reason != null && (reason.evidence() != null || reason.summary() != null);
        boolean note = feedback != null && feedback.note() != null;
        if (!quotes && !note) {
            return recommendation;
        }
        if (!grant.textVisible()) {
            return withoutWords(recommendation);
        }
        if (grant.coachReadsText()) {
            audit(grant, "recommendation:" + recommendation.id(), awaitAudit);
        }
        return recommendation;
    }

    /**
     * A {@code recommendation-changed.v1} document (an SSE event's data) as the grant may see it: without consent
     * the evidence quote is null and the summary says why the words are hidden. A coach's reading of the words is
     * audited without holding up the stream.
     */
    public String visibleEvent(Grant grant, String json) {
        ObjectNode event;
        try {
            event = (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a recommendations record is not a JSON object", e);
        }
        if (!(event.get("reason") instanceof ObjectNode reason)) {
            return json;
        }
        if (!grant.textVisible()) {
            reason.putNull("evidence");
            reason.put("summary", WORDS_HIDDEN);
            return event.toString();
        }
        // The topic carries no words, or sealed ones (docs/security.md#crypto-shredding): a caller who may read
        // them gets them from the stored recommendation, whose reason never changes after it is issued.
        Optional<Recommendation.Reason> stored = recommendations.find(grant.clientId(),
                event.path("recommendationId").asText()).map(Recommendation::reason);
        if (stored.isPresent()) {
            reason.put("evidence", stored.get().evidence());
            reason.put("summary", stored.get().summary());
        } else if (SealedFields.isSealed(reason.get("evidence")) || SealedFields.isSealed(reason.get("summary"))) {
            reason.putNull("evidence");
            reason.put("summary", WORDS_GONE);
        }
        if (grant.coachReadsText()) {
            audit(grant, "recommendation:" + event.path("recommendationId").asText(), false);
        }
        return event.toString();
    }

    /**
     * Records a coach's reading of the client's words served by other means than a recommendation (the dashboard's
     * assessment view), before they are served; nothing to record for anyone else or without consent.
     *
     * @throws ProblemException 503 if the read cannot be recorded: then the words must not be served
     */
    public void auditRead(Grant grant, String what) {
        if (grant.coachReadsText()) {
            audit(grant, what, true);
        }
    }

    private void audit(Grant grant, String what, boolean await) {
        TextRead read = new TextRead(UUID.randomUUID().toString(), grant.clientId(), grant.caller().subject(),
                grant.caller().tenant(), clock.instant(), what, "recommendation-service");
        String payload;
        try {
            payload = mapper.writeValueAsString(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a text read", e);
        }
        Message<String> message = Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(read.clientId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder().withId(read.id()).withType(TEXT_READ_TYPE)
                        .withSubject(read.clientId()).build());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        textReads.send(message.withAck(() -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        if (!await) {
            acked.whenComplete((ok, failure) -> {
                if (failure != null) {
                    Log.warnf("A coach's read of client %s could not be audited: %s", ClientRef.of(read.clientId()),
                            failure.toString());
                }
            });
            return;
        }
        try {
            acked.get(AUDIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "audit-unavailable", "Service Unavailable",
                "The read could not be recorded in the client's audit trail; try again shortly.");
    }

    /** The evidence quote, a summary that quotes, and the client's own feedback note are the client's words. */
    private static Recommendation withoutWords(Recommendation r) {
        Recommendation.Reason reason = r.reason() == null ? null : new Recommendation.Reason(r.reason().dimension(),
                r.reason().score(), null, r.reason().assessmentId(), WORDS_HIDDEN);
        Recommendation.Feedback feedback = r.feedback() == null ? null
                : new Recommendation.Feedback(r.feedback().helpful(), null, r.feedback().at());
        return new Recommendation(r.id(), r.clientId(), r.exerciseId(), r.title(), r.instructions(),
                r.durationMinutes(), r.status(), reason, r.crisisResources(), r.coachAlert(), r.rank(), r.issuedAt(),
                r.updatedAt(), feedback);
    }
}
