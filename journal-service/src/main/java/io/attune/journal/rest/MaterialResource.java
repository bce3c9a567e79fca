package io.attune.journal.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.paging.CursorCodec;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.journal.Context;
import io.attune.journal.ConversationSample;
import io.attune.journal.JournalEntry;
import io.attune.journal.Material;
import io.attune.journal.PublicationState;
import io.attune.journal.service.AccessControl;
import io.attune.journal.service.IntakeService;
import io.attune.journal.service.IntakeService.Accepted;
import io.attune.journal.store.MaterialKind;
import io.attune.journal.store.MaterialStore;
import io.attune.journal.store.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Intake and read-back of a client's journal entries and conversation samples. */
@Path("/api/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Material", description = "Journal entries and conversation samples")
public class MaterialResource {

    private static final String DEFAULT_LOCALE = "en";

    /** The 202 body: the id every repeat of the request will get, and where to read the document back. */
    public record AcceptedMaterial(String id, String status, Map<String, String> links) {
    }

    /** A page of a listing; {@code next} is the cursor to pass for the following page. */
    public record Listing<T>(List<T> items, String next) {
    }

    private final IntakeService intake;
    private final MaterialStore materials;
    private final AccessControl access;
    private final ObjectMapper mapper;
    private final CursorCodec cursors;
    private final Clock clock;

    public MaterialResource(IntakeService intake, MaterialStore materials, AccessControl access, ObjectMapper mapper,
            CursorCodec cursors, Clock clock) {
        this.intake = intake;
        this.materials = materials;
        this.access = access;
        this.mapper = mapper;
        this.cursors = cursors;
        this.clock = clock;
    }

    @POST
    @Path("/journal-entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a journal entry", description = "Stores the entry and queues it for scoring. "
            + "Repeat with the same Idempotency-Key and body to get the same id back.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in `errors`")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with a different body")
    public Response recordJournalEntry(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes retries safe: 1-128 visible ASCII characters")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid JournalEntryRequest body) {
        Instant now = clock.instant();
        Validation.start().clientId(clientId).idempotencyKey(idempotencyKey)
                .occurredAt("occurredAt", body.occurredAt(), now).orFail();
        access.authorize(ClientAction.SUBMIT, clientId);
        Accepted accepted = intake.accept(MaterialKind.JOURNAL_ENTRY, clientId, idempotencyKey, hash(body),
                recording -> new JournalEntry(recording.id(), clientId,
                        body.context() == null ? Context.SELF : body.context(), body.text(),
                        body.emotions() == null ? List.of() : body.emotions(), locale(body.locale()),
                        occurredAt(body.occurredAt(), recording.recordedAt()), recording.recordedAt(),
                        PublicationState.PENDING));
        return accepted(clientId, "journal-entries", accepted);
    }

    @POST
    @Path("/conversations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a conversation sample", description = "Stores the sample and queues it for "
            + "scoring. Repeat with the same Idempotency-Key and body to get the same id back.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in `errors`")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with a different body")
    public Response recordConversation(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes retries safe: 1-128 visible ASCII characters")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid ConversationRequest body) {
        Instant now = clock.instant();
        Validation.start().clientId(clientId).idempotencyKey(idempotencyKey)
                .speakers(body.clientSpeaker(), body.turns())
                .occurredAt("occurredAt", body.occurredAt(), now).orFail();
        access.authorize(ClientAction.SUBMIT, clientId);
        Accepted accepted = intake.accept(MaterialKind.CONVERSATION, clientId, idempotencyKey, hash(body),
                recording -> new ConversationSample(recording.id(), clientId, body.relationship(),
                        body.clientSpeaker(), List.copyOf(body.turns()), locale(body.locale()),
                        occurredAt(body.occurredAt(), recording.recordedAt()), recording.recordedAt(),
                        PublicationState.PENDING));
        return accepted(clientId, "conversations", accepted);
    }

    @GET
    @Path("/journal-entries/{id}")
    @Operation(summary = "Read one journal entry")
    @APIResponse(responseCode = "404", description = "No such entry for this client")
    public Material journalEntry(@PathParam("clientId") String clientId, @PathParam("id") String id) {
        return find(MaterialKind.JOURNAL_ENTRY, clientId, id);
    }

    @GET
    @Path("/conversations/{id}")
    @Operation(summary = "Read one conversation sample")
    @APIResponse(responseCode = "404", description = "No such sample for this client")
    public Material conversation(@PathParam("clientId") String clientId, @PathParam("id") String id) {
        return find(MaterialKind.CONVERSATION, clientId, id);
    }

    @GET
    @Path("/journal-entries")
    @Operation(summary = "List journal entries", description = "Newest first by occurredAt, within [from, to).")
    public Listing<Material> journalEntries(@PathParam("clientId") String clientId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "Page size, 1-100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        return list(MaterialKind.JOURNAL_ENTRY, clientId, from, to, limit, cursor);
    }

    @GET
    @Path("/conversations")
    @Operation(summary = "List conversation samples", description = "Newest first by occurredAt, within [from, to).")
    public Listing<Material> conversations(@PathParam("clientId") String clientId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "Page size, 1-100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        return list(MaterialKind.CONVERSATION, clientId, from, to, limit, cursor);
    }

    private Material find(MaterialKind kind, String clientId, String id) {
        Validation.start().clientId(clientId).orFail();
        Grant grant = access.authorize(ClientAction.READ_TEXT, clientId);
        Material material = materials.find(kind, clientId, id)
                .orElseThrow(() -> new NotFoundException("No such item for this client."));
        access.audit(grant, auditName(kind) + ":" + id);
        return material;
    }

    private Listing<Material> list(MaterialKind kind, String clientId, String from, String to, String limit,
            String cursor) {
        Validation validation = Validation.start().clientId(clientId);
        Instant fromInstant = validation.instant("from", from);
        Instant toInstant = validation.instant("to", to);
        int pageSize = validation.limit(limit);
        String scope = auditName(kind) + ":" + clientId;
        PageCursor after = validation.cursor(cursors, cursor, scope);
        validation.orFail();
        Grant grant = access.authorize(ClientAction.READ_TEXT, clientId);
        Page<Material> page = materials.list(kind, clientId, fromInstant, toInstant, after, pageSize);
        for (Material material : page.items()) {
            access.audit(grant, auditName(kind) + ":" + material.id());
        }
        return new Listing<>(page.items(), page.next() == null ? null : cursors.encode(page.next(), scope));
    }

    private static Response accepted(String clientId, String collection, Accepted accepted) {
        String self = "/api/v1/clients/" + clientId + "/" + collection + "/" + accepted.id();
        // A relative Location, set as a plain header: JAX-RS would resolve URI.create(self) against the request's
        // Host header, which the caller chooses.
        return Response.accepted(new AcceptedMaterial(accepted.id(), "accepted", Map.of("self", self)))
                .header(HttpHeaders.LOCATION, self)
                .build();
    }

    private static String auditName(MaterialKind kind) {
        return kind == MaterialKind.JOURNAL_ENTRY ? "journal-entry" : "conversation";
    }

    private static String locale(String locale) {
        return locale == null ? DEFAULT_LOCALE : locale;
    }

    private static Instant occurredAt(OffsetDateTime occurredAt, Instant recordedAt) {
        return occurredAt == null ? recordedAt : occurredAt.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A hash of the request as parsed, so formatting differences do not count as a different request. */
    private String hash(Object body) {
        try {
            byte[] canonical = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
