package io.copartner.web.rest;

import io.copartner.identity.api.DidAdministration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key management of the did:web identities the platform hosts (admins only). Old keys stay in the documents. */
@Path("admin/dids")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class DidAdminResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DidAdministration administration;

    @Inject
    JsonWebToken token;

    @POST
    @Path("platform/issuer-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotatePlatformIssuerKey", summary = "Rotate the platform's credential issuer key",
        description = "A new Ed25519 key becomes the assertionMethod; the previous one stays in verificationMethod with "
            + "`expires`, so credentials it signed still verify. Audited.")
    @APIResponse(responseCode = "200", description = "The change and the new document",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotated", value = """
            {"did":"did:web:127.0.0.1%3A9080","activeKeyId":"did:web:127.0.0.1%3A9080#issuer-2",
             "retiredKeyIds":["did:web:127.0.0.1%3A9080#issuer-1"],"document":{"id":"did:web:127.0.0.1%3A9080"}}""")))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    public KeyChangeView rotatePlatformIssuerKey() {
        return KeyChangeView.of(administration.rotatePlatformIssuerKey(Callers.actor(token)));
    }

    @POST
    @Path("merchants/{merchantId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerMerchantKey", summary = "Register a merchant's public key in its did:web document",
        description = "did:web:<platform host>:merchants:<merchantId>, served at /merchants/<merchantId>/did.json. The "
            + "merchant keeps the private key. A previous key is retired (kept with `expires`). Registering the active key "
            + "again changes nothing. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ed25519",
        value = "{\"publicKeyMultibase\":\"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\"}")))
    @APIResponse(responseCode = "200", description = "The change and the merchant's document",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "added", value = """
            {"did":"did:web:127.0.0.1%3A9080:merchants:m-1","activeKeyId":"did:web:127.0.0.1%3A9080:merchants:m-1#key-1",
             "retiredKeyIds":[],"document":{"id":"did:web:127.0.0.1%3A9080:merchants:m-1"}}""")))
    @APIResponse(responseCode = "400", description = "Not a usable key or merchant id", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The key was used before and retired", content = @Content(mediaType = PROBLEM))
    public KeyChangeView addMerchantKey(@PathParam("merchantId") String merchantId, @Valid @NotNull MerchantKey body) {
        return KeyChangeView.of(administration.addMerchantKey(merchantId, body.publicKeyMultibase(), Callers.actor(token)));
    }

    /** A Multikey public key (base58btc): Ed25519 {@code z6Mk…} or secp256k1 {@code zQ3s…}. */
    public record MerchantKey(@NotBlank String publicKeyMultibase) {
    }

    public record KeyChangeView(String did, String activeKeyId, List<String> retiredKeyIds, Map<String, Object> document) {
        static KeyChangeView of(DidAdministration.KeyChange c) {
            return new KeyChangeView(c.did(), c.activeKeyId(), c.retiredKeyIds(), c.document().content());
        }
    }
}
