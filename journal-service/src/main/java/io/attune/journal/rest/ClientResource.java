package io.attune.journal.rest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.attune.chassis.paging.CursorCodec;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.paging.Paging;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.chassis.security.ClientAction;
import io.attune.journal.Consent;
import io.attune.journal.service.AccessControl;
import io.attune.journal.service.ErasureService;
import io.attune.journal.store.ClientStore;
import io.attune.journal.store.Page;
import io.attune.journal.store.TextReadStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's consent, the audit trail of coaches reading their words, and the right to be forgotten. */
@Path("/api/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Consent, audit and erasure")
public class ClientResource {

    /** Body of {@code PUT /consent}. */
    public record ConsentRequest(@NotNull Boolean shareTextWithCoach) {
    }

    /** The 202 body of an erasure. */
    public record ErasureAccepted(String erasureId, String status, Map<String, String> links) {
    }

    /** A page of the audit trail. */
    public record AuditListing(List<TextReadStore.TextRead> items, String next) {
    }

    private final ClientStore clients;
    private final TextReadStore textReads;
    private final AccessControl access;
    private final ErasureService erasures;
    private final CursorCodec cursors;
    private final Clock clock;

    public ClientResource(ClientStore clients, TextReadStore textReads, AccessControl access,
            ErasureService erasures, CursorCodec cursors, Clock clock) {
        this.clients = clients;
        this.textReads = textReads;
        this.access = access;
        this.erasures = erasures;
        this.cursors = cursors;
        this.clock = clock;
    }

    @GET
    @Path("/consent")
    @Operation(summary = "Read the client's consent", description = "Without a recorded consent, text is not shared.")
    @APIResponse(responseCode = "404", description = "No consent recorded (or the client was erased): text is not shared")
    public Consent consent(@PathParam("clientId") String clientId) {
        Validation.start().clientId(clientId).orFail();
        access.authorize(ClientAction.READ_SCORES, clientId);
        // A 404 rather than a default, so that after an erasure no GET about the client answers with data.
        return clients.consent(clientId).orElseThrow(() -> new NotFoundException(
                "No consent recorded for this client; their words are not shared."));
    }

    @PUT
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set whether the client's coaches may read the client's words",
            description = "Takes effect in every service within seconds (see docs/security.md).")
    public Consent putConsent(@PathParam("clientId") String clientId, @NotNull @Valid ConsentRequest body) {
        Validation.start().clientId(clientId).orFail();
        access.authorize(ClientAction.SET_CONSENT, clientId);
        // MongoDB keeps milliseconds; answering with nanoseconds would differ from every later GET.
        Consent consent = clients.setConsent(clientId, body.shareTextWithCoach(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        access.accessChanged();
        return consent;
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Who read the client's words", description = "Every read of the client's entries, "
            + "turns or evidence quotes by a coach, newest first: who, when and what (never the words themselves).")
    public AuditListing audit(@PathParam("clientId") String clientId,
            @Parameter(description = "Page size, 1-100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        InvalidRequestException.Collector errors = InvalidRequestException.collect();
        Validation.start().clientId(clientId).orFail();
        int pageSize = Paging.limit(limit, errors);
        String scope = "audit:" + clientId;
        PageCursor after = Paging.cursor(cursors, cursor, scope, errors);
        errors.orFail();
        access.authorize(ClientAction.READ_AUDIT, clientId);
        Page<TextReadStore.TextRead> page = textReads.list(clientId, after, pageSize);
        return new AuditListing(page.items(), page.next() == null ? null : cursors.encode(page.next(), scope));
    }

    @DELETE
    @Operation(summary = "Erase everything about the client", description = "Deletes the client's entries, "
            + "samples, consent, coach assignments, audit trail (keeping only a count) and idempotency keys here, "
            + "and publishes client-erasures so the other services purge too.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow")
    public Response erase(@PathParam("clientId") String clientId) {
        Validation.start().clientId(clientId).orFail();
        access.authorize(ClientAction.ERASE, clientId);
        String erasureId = erasures.erase(clientId);
        return Response.accepted(new ErasureAccepted(erasureId, "accepted",
                Map.of("journalEntries", "/api/v1/clients/" + clientId + "/journal-entries"))).build();
    }
}
