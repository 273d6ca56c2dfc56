package io.copartner.web.rest;

import io.copartner.identity.api.Credentials;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's status lists as IETF Token Status List tokens (public), for SD-JWT VCs' {@code status} claim. */
@Path("credentials/token-status")
@ApplicationScoped
@Tag(name = "identity")
public class TokenStatusListResource {

    static final String STATUSLIST_JWT = "application/statuslist+jwt";

    @Inject
    Credentials credentials;

    @GET
    @Path("{listId}")
    @Produces(STATUSLIST_JWT)
    @Operation(operationId = "getTokenStatusList", summary = "A status list as a Token Status List token (statuslist+jwt)",
        description = "draft-ietf-oauth-status-list: a JWT (typ statuslist+jwt, EdDSA with the platform's issuer key) "
            + "with sub = this URL, iat, exp, ttl and status_list {bits: 1, lst}: lst is the base64url of the ZLIB "
            + "(DEFLATE) compressed byte array, entry idx being bit idx % 8 of byte idx / 8 counted from the least "
            + "significant bit (unlike the Bitstring Status List at /credentials/status/{listId}, which carries the "
            + "same entries most significant bit first). 1 = INVALID (revoked).")
    @APIResponse(responseCode = "200", description = "The signed Status List Token",
        content = @Content(mediaType = STATUSLIST_JWT,
            examples = @ExampleObject(name = "token", value = "eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJzdGF0dXNsaXN0K2p3dCIsImFsZyI6IkVkRFNBIn0.eyJpc3MiOi...")))
    @APIResponse(responseCode = "404", description = "No such list", content = @Content(mediaType = "application/problem+json"))
    public Response tokenStatusList(@PathParam("listId") String listId) {
        String jwt = credentials.tokenStatusList(listId)
            .orElseThrow(() -> ProblemException.notFound("No status list " + listId + "."));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(jwt, STATUSLIST_JWT).cacheControl(cache).build();
    }
}
