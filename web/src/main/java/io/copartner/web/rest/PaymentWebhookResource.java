package io.copartner.web.rest;

import io.copartner.commerce.api.TopUpView;
import io.copartner.commerce.api.Wallets;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payment providers' webhooks: no token (the provider authenticates by its signature), the body read as raw bytes
 * because the signature covers them exactly.
 */
@Path("payments")
@RequestScoped
@Tag(name = "commerce")
public class PaymentWebhookResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Wallets wallets;

    @Context
    HttpHeaders headers;

    @POST
    @Path("{provider}/webhook")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receivePaymentWebhook", summary = "A payment provider confirms a top-up",
        description = "Header Copartner-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.\" + raw body)> "
            + "(several v1 allowed while a secret rotates). Accepted once per event id, within 300 s of t: the "
            + "top-up's wallet is credited from EXTERNAL_FUNDING:<currency> in one ledger entry, audited. A bad "
            + "signature (webhook-signature-invalid), an old timestamp (webhook-timestamp-stale) or a replayed event "
            + "id (webhook-replayed) changes nothing. Sandbox events: {\"id\":\"evt_…\",\"type\":\"top_up.succeeded\","
            + "\"created\":<unix>,\"data\":{\"topUpId\",\"currency\",\"amount\"}}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = SandboxEventDoc.class), examples = @ExampleObject(name = "sandbox",
        value = "{\"id\":\"evt_8c1f\",\"type\":\"top_up.succeeded\",\"created\":1796205600,\"data\":{\"topUpId\":"
            + "\"01936b2f-0000-7000-8000-00000000b001\",\"currency\":\"CNY\",\"amount\":10000}}")))
    @APIResponse(responseCode = "200", description = "Accepted: the completed top-up",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WalletResource.TopUpDoc.class),
            examples = @ExampleObject(name = "completed", value = "{\"id\":\"01936b2f-0000-7000-8000-00000000b001\","
                + "\"owner\":\"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e\",\"currency\":\"CNY\",\"amount\":10000,"
                + "\"provider\":\"sandbox\",\"status\":\"COMPLETED\",\"createdAt\":\"2026-12-02T10:00:00Z\","
                + "\"completedAt\":\"2026-12-02T10:00:05Z\",\"walletAccountId\":\"01936b2f-0000-7000-8000-00000000c001\","
                + "\"ledgerEntryId\":\"01936b2f-0000-7000-8000-00000000d001\",\"auditEntryId\":1203}")))
    @APIResponse(responseCode = "400", description = "Bad or missing signature, stale timestamp, malformed event",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such provider configured, or no such top-up",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Event id already processed (webhook-replayed), or the top-up "
        + "was completed by another event", content = @Content(mediaType = PROBLEM))
    public TopUpView receive(@PathParam("provider") @Parameter(in = ParameterIn.PATH, description = "provider name",
        example = "sandbox") String provider, InputStream body) throws IOException {
        Map<String, String> h = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                h.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        // The raw bytes, as signed (the edge has already bounded the body's size).
        return wallets.webhook(provider, h, body == null ? new byte[0] : body.readAllBytes());
    }

    /** The OpenAPI shape of the sandbox provider's event (other providers send their own). */
    @Schema(name = "SandboxPaymentEvent")
    public record SandboxEventDoc(String id, @Schema(enumeration = "top_up.succeeded") String type, long created,
                                  SandboxEventData data) {
    }

    @Schema(name = "SandboxPaymentEventData")
    public record SandboxEventData(String topUpId, String currency, long amount) {
    }
}
