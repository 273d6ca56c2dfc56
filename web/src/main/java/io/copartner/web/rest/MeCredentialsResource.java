package io.copartner.web.rest;

import io.copartner.identity.api.Credentials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Credentials a partner issues to itself through the platform. */
@Path("me/credentials")
@RequestScoped
@RolesAllowed("partner")
@Tag(name = "privacy")
@SecurityRequirement(name = "bearer")
public class MeCredentialsResource {

    @Inject
    JsonWebToken token;

    @Inject
    Credentials credentials;

    @POST
    @Path("membership-sd-jwt")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueMyMembershipSdJwt", summary = "My PartnerMembership as an SD-JWT VC (RFC 9901)",
        description = "Issues the caller's PartnerMembership as an SD-JWT VC (typ dc+sd-jwt, vct "
            + Credentials.PARTNER_MEMBERSHIP_VCT + ", EdDSA with the platform's did:web issuer key): partnerSince, "
            + "tier and name (if personal data is stored) are selectively disclosable, `sub` is the caller's DID if "
            + "signed in with one. `sdJwt` carries every disclosure; present a subset by dropping `~<disclosure>` "
            + "parts, and have it checked at POST /credentials/verify.")
    @APIResponse(responseCode = "201", description = "The SD-JWT with all its disclosures",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issued", value = """
            {"sdJwt":"eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJkYytzZC1qd3QiLCJhbGciOiJFZERTQSJ9.eyJfc2QiOlsi...~WyJ2bEVkNUlpWWZWbm1zVXFqX29IRktRIiwidGllciIsIm1lbWJlciJd~",
             "vct":"https://copartner.io/credentials/PartnerMembership","issuer":"did:web:127.0.0.1%3A9080",
             "disclosures":[{"claim":"tier","value":"member","disclosure":"WyJ2bEVkNUlpWWZWbm1zVXFqX29IRktRIiwidGllciIsIm1lbWJlciJd",
               "digest":"2vRKg7WbXaJ3v2T2q6x3mQeJ8m3dKD4J0wq0dGm2pQE"}]}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = "application/problem+json"))
    public Response membershipSdJwt() {
        Object did = token.getClaim("did");
        Credentials.SdJwtCredential issued = credentials.issuePartnerMembershipSdJwt(Callers.actor(token),
            did == null ? null : did.toString());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }
}
