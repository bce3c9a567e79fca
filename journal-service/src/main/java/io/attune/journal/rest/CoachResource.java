package io.attune.journal.rest;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Role;
import io.attune.journal.service.AccessControl;
import io.attune.journal.store.ClientStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which coach follows which client. Coaches see only their assigned clients, everywhere; a change reaches the
 * other services on {@code client-access} within seconds.
 */
@Path("/api/v1/coaches/{coachId}/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coaches", description = "Coach assignments and rosters")
public class CoachResource {

    /** A coach's roster. */
    public record Roster(String coachId, List<ClientStore.RosterEntry> clients) {
    }

    private final ClientStore clients;
    private final AccessControl access;
    private final Authorizer authorizer;

    public CoachResource(ClientStore clients, AccessControl access, Authorizer authorizer) {
        this.clients = clients;
        this.access = access;
        this.authorizer = authorizer;
    }

    @PUT
    @Path("/{clientId}")
    @Operation(summary = "Assign a coach to a client", description = "For the client's app or an admin of its "
            + "tenant. Makes the client known to the tenant if it was not yet.")
    @APIResponse(responseCode = "204", description = "Assigned (assigning twice is harmless)")
    public void assign(@PathParam("coachId") String coachId, @PathParam("clientId") String clientId) {
        validate(coachId, clientId);
        access.authorize(ClientAction.ASSIGN_COACH, clientId);
        clients.assign(clientId, coachId);
        access.accessChanged();
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Unassign a coach from a client")
    @APIResponse(responseCode = "204", description = "Unassigned (unassigning twice is harmless)")
    public void unassign(@PathParam("coachId") String coachId, @PathParam("clientId") String clientId) {
        validate(coachId, clientId);
        access.authorize(ClientAction.ASSIGN_COACH, clientId);
        clients.unassign(clientId, coachId);
        access.accessChanged();
    }

    @GET
    @Operation(summary = "A coach's roster", description = "The coach's assigned clients in the caller's tenant, "
            + "with each client's consent. For the coach themself, an app or an admin.")
    public Roster roster(@PathParam("coachId") String coachId) {
        InvalidRequestException.collect().check(Ids.validSubjectId(coachId), "coachId", Ids.SUBJECT_ID_RULE).orFail();
        Caller caller = authorizer.require(Role.COACH, Role.APP, Role.ADMIN);
        if (caller.is(Role.COACH) && !caller.subject().equals(coachId)) {
            throw ProblemException.forbidden("A coach may read only their own roster.");
        }
        return new Roster(coachId, clients.roster(caller.tenant(), coachId));
    }

    private static void validate(String coachId, String clientId) {
        InvalidRequestException.collect()
                .check(Ids.validSubjectId(coachId), "coachId", Ids.SUBJECT_ID_RULE)
                .check(Ids.validSubjectId(clientId), "clientId", Ids.SUBJECT_ID_RULE)
                .orFail();
    }
}
