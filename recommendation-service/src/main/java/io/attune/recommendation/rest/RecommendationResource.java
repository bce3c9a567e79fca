package io.attune.recommendation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.paging.CursorCodec;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.paging.Paging;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.chassis.text.Text;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import io.attune.recommendation.messaging.RecommendationFeed;
import io.attune.recommendation.messaging.StreamEvent;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.service.RecommendationService;
import io.attune.recommendation.store.RecommendationStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** What coaching apps use: a client's recommendations, feedback on them, and a live stream of changes. */
@Path("/api/v1/clients/{clientId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    /** Asks EventSource clients to come back quickly after a closed stream. */
    private static final long RECONNECT_MILLIS = 1000;

    /** Body of a feedback request. */
    @Schema(name = "FeedbackRequest")
    public record FeedbackRequest(
            @Schema(enumeration = { "viewed", "completed", "dismissed" }, required = true) @NotNull String status,
            @Schema(description = "How helpful the exercise was, 1-5") @Min(1) @Max(5) Integer helpful,
            @Schema(description = "A short note from the client", maxLength = 1000) @Text(max = 1000, optional = true)
            String note) {
    }

    /** One page; pass {@code next} as {@code cursor} for the following page. */
    public record Listing(java.util.List<Recommendation> items, String next) {
    }

    private final RecommendationStore recommendations;
    private final RecommendationService service;
    private final RecommendationFeed feed;
    private final AccessControl access;
    private final CursorCodec cursors;

    public RecommendationResource(RecommendationStore recommendations, RecommendationService service,
            RecommendationFeed feed, AccessControl access, CursorCodec cursors) {
        this.recommendations = recommendations;
        this.service = service;
        this.feed = feed;
        this.access = access;
        this.cursors = cursors;
    }

    @GET
    @Operation(summary = "List a client's recommendations", description = "Newest first, paged by cursor.")
    public Listing list(@PathParam("clientId") String clientId,
            @Parameter(description = "active, viewed, completed, dismissed or superseded") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1-100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        // The cursor is bound to the client and the status filter: a cursor of another listing is refused.
        String scope = "recommendations:" + clientId + ":" + status;
        InvalidRequestException.Collector errors = InvalidRequestException.collect()
                .check(Ids.validSubjectId(clientId), "clientId", Ids.SUBJECT_ID_RULE)
                .check(status == null || parseStatus(status) != null, "status",
                        "must be one of active, viewed, completed, dismissed, superseded");
        int pageSize = Paging.limit(limit, errors);
        PageCursor after = Paging.cursor(cursors, cursor, scope, errors);
        errors.orFail();
        Grant grant = access.authorize(ClientAction.READ_SCORES, clientId);
        RecommendationStore.Page page = recommendations.list(clientId, status == null ? null : parseStatus(status),
                after, pageSize);
        return new Listing(page.items().stream().map(r -> access.visible(grant, r)).toList(),
                page.next() == null ? null : cursors.encode(page.next(), scope));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one recommendation")
    @APIResponse(responseCode = "404", description = "No such recommendation for this client")
    public Recommendation get(@PathParam("clientId") String clientId, @PathParam("id") String id) {
        Ids.requireClientId(clientId);
        Grant grant = access.authorize(ClientAction.READ_SCORES, clientId);
        return access.visible(grant, recommendations.find(clientId, id)
                .orElseThrow(() -> new NotFoundException("No such recommendation.")));
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report feedback", description = "Moves the recommendation along its lifecycle: "
            + "active -> viewed -> completed | dismissed (active may go straight to completed or dismissed).")
    @APIResponse(responseCode = "200", description = "The updated recommendation")
    @APIResponse(responseCode = "409", description = "The transition is not allowed from the current status")
    public Recommendation feedback(@PathParam("clientId") String clientId, @PathParam("id") String id,
            @NotNull @Valid FeedbackRequest body) {
        RecommendationStatus target = parseStatus(body.status());
        InvalidRequestException.collect()
                .check(Ids.validSubjectId(clientId), "clientId", Ids.SUBJECT_ID_RULE)
                .check(target != null && RecommendationStatus.FEEDBACK.contains(target), "status",
                        "must be one of viewed, completed, dismissed")
                .orFail();
        access.authorize(ClientAction.FEEDBACK, clientId);
        return service.feedback(clientId, id, target, body.helpful(), body.note())
                .orElseThrow(() -> new NotFoundException("No such recommendation."));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events of new and changed recommendations for the client",
            description = "Each event's data is a recommendation-changed.v1 document, as on the `recommendations` "
                    + "topic, and its id a position in that topic. A client that reconnects with Last-Event-ID "
                    + "receives what it missed, in order and once. Any replica serves any client. Assignment and "
                    + "consent are checked again at every event: a coach whose client revokes consent stops seeing "
                    + "the client's words, and an unassigned coach's stream ends.")
    public Multi<OutboundSseEvent> stream(@PathParam("clientId") String clientId,
            @Parameter(description = "The id of the last event received, to resume after it")
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context Sse sse) {
        StreamEvent.Position resume = lastEventId == null || lastEventId.isBlank() ? null : parsePosition(lastEventId);
        InvalidRequestException.collect()
                .check(Ids.validSubjectId(clientId), "clientId", Ids.SUBJECT_ID_RULE)
                .check(lastEventId == null || lastEventId.isBlank() || resume != null, HttpHeaders.LAST_EVENT_ID_HEADER,
                        "must be the id of an event of this stream")
                .orFail();
        access.authorize(ClientAction.READ_SCORES, clientId);
        Caller caller = access.caller();
        // Events arrive on the Kafka thread; the access check reads MongoDB, so it runs on a worker, in order.
        return feed.stream(clientId, resume)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(event -> sse.newEventBuilder().id(event.sseId()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(access.visibleEvent(access.authorize(caller, ClientAction.READ_SCORES, clientId),
                                event.json()))
                        .reconnectDelay(RECONNECT_MILLIS).build());
    }


    private static StreamEvent.Position parsePosition(String value) {
        try {
            return StreamEvent.Position.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RecommendationStatus parseStatus(String value) {
        try {
            return RecommendationStatus.fromWire(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
