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

/** The platform's Bitstring Status Lists, each a BitstringStatusListCredential signed as vc+jwt (public). */
@Path("credentials/status")
@ApplicationScoped
@Tag(name = "identity")
public class StatusListResource {

    @Inject
    Credentials credentials;

    @GET
    @Path("{listId}")
    @Produces(CredentialVerificationResource.VC_JWT)
    @Operation(operationId = "getStatusList", summary = "A revocation status list credential (W3C Bitstring Status List v1.0) as vc+jwt",
        description = "Its credentialSubject.encodedList is the multibase base64url (u…) of the GZIP-compressed bitstring "
            + "(at least 131,072 entries; index 0 is the most significant bit of the first byte). A set bit means revoked.")
    @APIResponse(responseCode = "200", description = "The signed status list",
        content = @Content(mediaType = CredentialVerificationResource.VC_JWT,
            examples = @ExampleObject(name = "list", value = "eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJ2Yytqd3QiLCJhbGciOiJFZERTQSJ9.eyJAY29udGV4dCI6...")))
    @APIResponse(responseCode = "404", description = "No such list", content = @Content(mediaType = "application/problem+json"))
    public Response statusList(@PathParam("listId") String listId) {
        String jwt = credentials.statusListCredential(listId)
            .orElseThrow(() -> ProblemException.notFound("No status list " + listId + "."));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(jwt, CredentialVerificationResource.VC_JWT).cacheControl(cache).build();
    }
}
