package io.copartner.web.rest;

import io.copartner.identity.api.Credentials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issuing and revoking the platform's credentials (admins only). Every call is audited in the same transaction;
 * an {@code Idempotency-Key} makes a retried call return the first result instead of issuing twice.
 */
@Path("credentials")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
public class CredentialAdminResource {

    static final String PROBLEM = "application/problem+json";
    static final String ISSUED_EXAMPLE = """
        {"id":"urn:uuid:0190f3c2-7a41-7c8e-9d55-3c1f0e2a9b10","type":"MerchantVerification",
         "jwt":"eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJ2Yytqd3QiLCJjdHkiOiJ2YyIsImFsZyI6IkVkRFNBIn0.eyJ...",
         "credential":{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:0190f3c2-7a41-7c8e-9d55-3c1f0e2a9b10",
           "type":["VerifiableCredential","MerchantVerification"],"issuer":"did:web:127.0.0.1%3A9080",
           "validFrom":"2026-06-01T12:00:00Z","validUntil":"2027-06-01T12:00:00Z",
           "credentialSubject":{"id":"did:web:127.0.0.1%3A9080:merchants:m-1","merchantId":"m-1",
             "businessLicenceNumber":"91310000MA1FL0001X","verifiedAt":"2026-06-01T11:58:00Z","verifiedBy":"did:web:127.0.0.1%3A9080"},
           "credentialStatus":{"id":"http://127.0.0.1:9080/api/v1/credentials/status/1#48213","type":"BitstringStatusListEntry",
             "statusPurpose":"revocation","statusListIndex":"48213","statusListCredential":"http://127.0.0.1:9080/api/v1/credentials/status/1"}},
         "statusListCredential":"http://127.0.0.1:9080/api/v1/credentials/status/1","statusListIndex":48213}""";

    @Inject
    Credentials credentials;

    @Inject
    JsonWebToken token;

    @POST
    @Path("merchant-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueMerchantVerification", summary = "Issue a MerchantVerification credential (vc+jwt)",
        description = "The subject defaults to the merchant's did:web (did:web:<platform host>:merchants:<merchantId>). "
            + "verifiedAt defaults to now, verifiedBy to the platform DID, validUntil to one year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merchant",
        value = "{\"merchantId\":\"m-1\",\"businessLicenceNumber\":\"91310000MA1FL0001X\",\"verifiedBy\":\"Copartner compliance\"}")))
    @APIResponse(responseCode = "201", description = "Issued (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issued", value = ISSUED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid claims", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for another request", content = @Content(mediaType = PROBLEM))
    public Response issueMerchantVerification(
        @HeaderParam("Idempotency-Key") @Parameter(description = "retry-safe key, 1..200 visible ASCII characters (no spaces)") String idempotencyKey,
        @Valid @NotNull MerchantVerificationRequest body) {
        var issued = credentials.issueMerchantVerification(new Credentials.MerchantVerificationClaims(body.merchantId(),
            body.subjectDid(), body.businessLicenceNumber(), body.verifiedAt(), body.verifiedBy(), body.validUntil()),
            Callers.actor(token), IdempotentResponses.optionalKey(idempotencyKey));
        return IdempotentResponses.of(Response.Status.CREATED, issued);
    }

    @POST
    @Path("partner-membership")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issuePartnerMembership", summary = "Issue a PartnerMembership credential (vc+jwt) to a partner's DID",
        description = "Admins issue a PartnerMembership verifiable credential (VC Data Model 2.0, vc+jwt signed by the platform's issuer key) to a partner's DID, with a Bitstring Status List entry for revocation. Idempotency-Key: a retry with the same key and body returns the first credential.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "partner",
        value = "{\"partnerDid\":\"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\",\"partnerSince\":\"2026-01-15\",\"tier\":\"gold\"}")))
    @APIResponse(responseCode = "201", description = "Issued (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issued", value = """
            {"id":"urn:uuid:0190f3c2-7a41-7c8e-9d55-3c1f0e2a9b11","type":"PartnerMembership","jwt":"eyJ...",
             "credential":{"credentialSubject":{"id":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
               "partnerSince":"2026-01-15","tier":"gold"}},
             "statusListCredential":"http://127.0.0.1:9080/api/v1/credentials/status/1","statusListIndex":1022}""")))
    @APIResponse(responseCode = "400", description = "Invalid claims", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for another request", content = @Content(mediaType = PROBLEM))
    public Response issuePartnerMembership(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                           @Valid @NotNull PartnerMembershipRequest body) {
        var issued = credentials.issuePartnerMembership(new Credentials.PartnerMembershipClaims(body.partnerDid(),
            body.partnerSince(), body.tier(), body.validUntil()), Callers.actor(token),
            IdempotentResponses.optionalKey(idempotencyKey));
        return IdempotentResponses.of(Response.Status.CREATED, issued);
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeCredential", summary = "Revoke a credential: sets its bit in the status list",
        description = "The id is the credential's UUID or its urn:uuid: form. Revoking again changes nothing.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "reason", value = "{\"reason\":\"licence withdrawn\"}")))
    @APIResponse(responseCode = "200", description = "Revoked",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Credentials.Revocation.class), examples = @ExampleObject(name = "revoked", value = """
            {"id":"urn:uuid:0190f3c2-7a41-7c8e-9d55-3c1f0e2a9b10","revoked":true,"revokedAt":"2026-06-02T09:00:00Z",
             "statusListCredential":"http://127.0.0.1:9080/api/v1/credentials/status/1","statusListIndex":48213}""")))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such credential", content = @Content(mediaType = PROBLEM))
    public Response revoke(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid RevocationRequest body) {
        return IdempotentResponses.of(Response.Status.OK, credentials.revoke(id, body == null ? null : body.reason(),
            Callers.actor(token), IdempotentResponses.optionalKey(idempotencyKey)));
    }

    public record MerchantVerificationRequest(
        @NotBlank @Size(max = 64) String merchantId,
        @Size(max = 600) String subjectDid,
        @NotBlank @Size(max = 64) String businessLicenceNumber,
        Instant verifiedAt,
        @Size(max = 200) String verifiedBy,
        Instant validUntil) {
    }

    public record PartnerMembershipRequest(
        @NotBlank @Size(max = 600) String partnerDid,
        @NotNull LocalDate partnerSince,
        @NotBlank @Size(max = 32) String tier,
        Instant validUntil) {
    }

    public record RevocationRequest(@Size(max = 500) String reason) {
    }
}
