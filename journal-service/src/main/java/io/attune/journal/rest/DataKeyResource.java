package io.attune.journal.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.attune.chassis.crypto.WrappedKey;
import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.Role;
import io.attune.journal.store.ClientKeyStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where scoring-service and recommendation-service get the key that opens a client's words in events. Only a
 * token with the {@code service} role may ask, and the answer is the key wrapped with the master key the services
 * share, so neither a stolen token alone nor a copy of the answer opens anything. After an erasure the key is gone
 * and the answer is 404: that is what makes every copy of the client's words unreadable at once.
 */
@Path("/internal/v1/clients/{clientId}/data-key")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service: client data keys (docs/security.md#crypto-shredding)")
public class DataKeyResource {

    private final Authorizer authorizer;
    private final ClientKeyStore keys;

    public DataKeyResource(Authorizer authorizer, ClientKeyStore keys) {
        this.authorizer = authorizer;
        this.keys = keys;
    }

    @GET
    @Operation(summary = "A client's data key, wrapped with the master key (service role only)")
    @APIResponse(responseCode = "200", description = "The client's current data key, wrapped")
    @APIResponse(responseCode = "403", description = "The token's role is not service")
    @APIResponse(responseCode = "404", description = "The client has no key: never seen, or erased")
    public WrappedKey dataKey(@PathParam("clientId") String clientId) {
        authorizer.require(Role.SERVICE);
        Validation.start().clientId(clientId).orFail();
        return keys.wrapped(clientId).orElseThrow(() -> ProblemException.notFound("This client has no data key."));
    }
}
