package io.attune.recommendation.rest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.store.AlertStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coach alerts (crises and escalations) of a client, and their acknowledgement by the client's coach. */
@Path("/api/v1/clients/{clientId}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    private static final int LIMIT = 50;
    private static final Pattern ALERT_ID = Pattern.compile("^[A-Za-z0-9:._-]{1,128}$");

    private final AlertStore alerts;
    private final AccessControl access;
    private final Clock clock;

    public AlertResource(AlertStore alerts, AccessControl access, Clock clock) {
        this.alerts = alerts;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The client's latest alerts, newest first", description = "Alerts never quote the client.")
    public List<AlertStore.CoachAlert> list(@PathParam("clientId") String clientId) {
        Ids.requireClientId(clientId);
        access.authorize(ClientAction.READ_SCORES, clientId);
        return alerts.forClient(clientId, LIMIT);
    }

    @POST
    @Path("/{alertId}/acknowledgement")
    @Operation(summary = "Acknowledge an alert", description = "For the client's assigned coach. Records who and "
            + "when; the first acknowledgement stands.")
    @APIResponse(responseCode = "200", description = "The alert, acknowledged")
    @APIResponse(responseCode = "404", description = "No such alert for this client")
    public AlertStore.CoachAlert acknowledge(@PathParam("clientId") String clientId,
            @PathParam("alertId") String alertId) {
        InvalidRequestException.collect()
                .check(Ids.validSubjectId(clientId), "clientId", Ids.SUBJECT_ID_RULE)
                .check(alertId != null && ALERT_ID.matcher(alertId).matches(), "alertId",
                        "must be an alert id returned by this API")
                .orFail();
        Grant grant = access.authorize(ClientAction.ACKNOWLEDGE_ALERT, clientId);
        return alerts.acknowledge(clientId, alertId, grant.caller().subject(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .orElseThrow(() -> new NotFoundException("No such alert for this client."));
    }
}
