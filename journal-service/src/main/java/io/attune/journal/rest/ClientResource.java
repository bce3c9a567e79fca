package io.attune.journal.rest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.attune.journal.Consent;
import io.attune.journal.service.ErasureService;
import io.attune.journal.store.ConsentStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's consent and the right to be forgotten. */
@Path("/api/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Consent and erasure")
public class ClientResource {

    /** Body of {@code PUT /consent}. */
    public record ConsentRequest(@NotNull Boolean shareTextWithCoach) {
    }

    /** The 202 body of an erasure. */
    public record ErasureAccepted(String erasureId, String status, Map<String, String> links) {
    }

    private final ConsentStore consents;
    private final ErasureService erasures;
    private final Clock clock;

    public ClientResource(ConsentStore consents, ErasureService erasures, Clock clock) {
        this.consents = consents;
        this.erasures = erasures;
        this.clock = clock;
    }

    @GET
    @Path("/consent")
    @Operation(summary = "Read the client's consent", description = "Without a recorded consent, text is not shared.")
    @APIResponse(responseCode = "404", description = "No consent recorded (or the client was erased): text is not shared")
    public Consent consent(@PathParam("clientId") String clientId) {
        Validation.start().clientId(clientId).orFail();
        // A 404 rather than a default, so that after an erasure no GET about the client answers with data.
        return consents.get(clientId).orElseThrow(() -> new NotFoundException(
                "No consent recorded for client " + clientId + "; journal text is not shared."));
    }

    @PUT
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set whether the client's coach may read journal text")
    public Consent putConsent(@PathParam("clientId") String clientId, @NotNull @Valid ConsentRequest body) {
        Validation.start().clientId(clientId).orFail();
        // MongoDB keeps milliseconds; answering with nanoseconds would differ from every later GET.
        return consents.put(clientId, body.shareTextWithCoach(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    @DELETE
    @Operation(summary = "Erase everything about the client", description = "Deletes the client's entries, "
            + "samples, consent and idempotency keys here, and publishes client-erasures so the other services "
            + "purge too.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow")
    public Response erase(@PathParam("clientId") String clientId) {
        Validation.start().clientId(clientId).orFail();
        String erasureId = erasures.erase(clientId);
        return Response.accepted(new ErasureAccepted(erasureId, "accepted",
                Map.of("journalEntries", "/api/v1/clients/" + clientId + "/journal-entries"))).build();
    }
}
