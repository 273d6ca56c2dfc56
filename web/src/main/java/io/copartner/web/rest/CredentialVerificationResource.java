package io.copartner.web.rest;

import io.copartner.identity.api.Credentials;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anyone can have a presented credential checked: signature, issuer, validity window and revocation status. */
@Path("credentials/verify")
@ApplicationScoped
@Tag(name = "identity")
public class CredentialVerificationResource {

    static final String VC_JWT = "application/vc+jwt";

    @Inject
    Credentials credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCredential", summary = "Verify a vc+jwt credential",
        description = "Checks the JWS (typ vc+jwt), the VC 2.0 data model, that the kid is a key of the issuer DID, the "
            + "signature against the issuer's DID document (resolved like GET /dids/{did}), validFrom/validUntil, and each "
            + "BitstringStatusListEntry. `verified` is true only if every check passed. Also accepts the raw JWT as "
            + "application/vc+jwt. An SD-JWT presentation (RFC 9901, `<JWT>~<Disclosure>~...~`, typ dc+sd-jwt or "
            + "vc+sd-jwt) is checked instead for its signature against the issuer's DID document, `_sd_alg` sha-256, "
            + "each Disclosure's digest present exactly once in `_sd`, and exp/nbf; `credential` then holds only the "
            + "plain and the disclosed claims, never an undisclosed one. Also accepted raw as application/dc+sd-jwt. "
            + "Holder binding: a credential with `cnf.jwk` (PartnerMembership of a did:key partner) is presented with a "
            + "Key Binding JWT (`...~<KB-JWT>`, typ kb+jwt, signed with the holder's key, claims iat, aud, nonce, "
            + "sd_hash). Give `audience` and `nonce` (or `requireKeyBinding`) to require one and check them; a KB-JWT "
            + "that is present is always checked (signature by the cnf key, sd_hash, iat within 5 minutes).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {@ExampleObject(name = "jwt",
        value = "{\"credential\":\"eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJ2Yytqd3QiLCJhbGciOiJFZERTQSJ9.eyJ...\"}"),
        @ExampleObject(name = "sd-jwt presentation with key binding",
        value = "{\"credential\":\"eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJkYytzZC1qd3QiLCJhbGciOiJFZERTQSJ9.eyJ...~WyJ2bEVkNUlpWWZWbm1zVXFqX29IRktRIiwidGllciIsIm1lbWJlciJd~eyJ0eXAiOiJrYitqd3QiLCJhbGciOiJFZERTQSJ9.eyJ...\",\"audience\":\"https://shop.example\",\"nonce\":\"n-0S6_WzA2Mj\"}"),
        @ExampleObject(name = "sd-jwt presentation disclosing tier",
        value = "{\"credential\":\"eyJraWQiOiJkaWQ6d2ViOjEyNy4wLjAuMSUzQTkwODAjaXNzdWVyLTEiLCJ0eXAiOiJkYytzZC1qd3QiLCJhbGciOiJFZERTQSJ9.eyJ...~WyJ2bEVkNUlpWWZWbm1zVXFqX29IRktRIiwidGllciIsIm1lbWJlciJd~\"}")}))
    @APIResponse(responseCode = "200", description = "The verdict with each check",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {@ExampleObject(name = "revoked", value = """
            {"verified":false,"checks":[{"check":"format","ok":true,"detail":"compact JWS, typ vc+jwt, alg EdDSA"},
              {"check":"data-model","ok":true,"detail":"W3C VC Data Model 2.0"},
              {"check":"issuer","ok":true,"detail":"did:web:127.0.0.1%3A9080"},
              {"check":"signature","ok":true,"detail":"verified with did:web:127.0.0.1%3A9080#issuer-1"},
              {"check":"validity","ok":true,"detail":"valid now, until 2027-06-01T12:00:00Z"},
              {"check":"status","ok":false,"detail":"revoked (status list bit 48213 is set)"}],
             "credential":{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","MerchantVerification"]}}"""),
        @ExampleObject(name = "sd-jwt", value = """
            {"verified":true,"checks":[{"check":"format","ok":true,"detail":"SD-JWT, typ dc+sd-jwt, alg EdDSA, 1 disclosure(s)"},
              {"check":"issuer","ok":true,"detail":"did:web:127.0.0.1%3A9080"},
              {"check":"signature","ok":true,"detail":"verified with did:web:127.0.0.1%3A9080#issuer-1"},
              {"check":"disclosures","ok":true,"detail":"1 disclosure(s) match digests in _sd"},
              {"check":"validity","ok":true,"detail":"valid now, until 2027-11-25T10:00:00Z"}],
             "credential":{"iss":"did:web:127.0.0.1%3A9080","iat":1795600800,"exp":1827136800,
               "vct":"https://copartner.io/credentials/PartnerMembership","tier":"member"}}""")}))
    @APIResponse(responseCode = "400", description = "No credential in the request", content = @Content(mediaType = "application/problem+json"))
    public Credentials.Verification verify(VerifyRequest request) {
        if (request == null || request.credential() == null || request.credential().isBlank()) {
            throw ProblemException.badRequest("credential (a vc+jwt compact JWS or an SD-JWT presentation) is required.");
        }
        return credentials.verify(request.credential(),
            Credentials.KeyBinding.of(request.requireKeyBinding(), request.audience(), request.nonce()));
    }

    @POST
    @Consumes({VC_JWT, "application/jwt", "application/dc+sd-jwt", "application/vc+sd-jwt", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Credentials.Verification verifyRaw(String jwt, @QueryParam("audience") String audience,
                                              @QueryParam("nonce") String nonce) {
        return verify(new VerifyRequest(jwt, audience, nonce, null));
    }

    /**
     * {@code credential}: a vc+jwt or an SD-JWT presentation; {@code audience}, {@code nonce}: what the Key Binding
     * JWT of an SD-JWT presentation must say (each optional; giving one requires a KB-JWT); {@code requireKeyBinding}:
     * require one without naming them.
     */
    public record VerifyRequest(String credential, String audience, String nonce, Boolean requireKeyBinding) {
    }
}
