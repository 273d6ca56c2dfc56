package io.copartner.web.rest;

import io.copartner.commerce.api.NewTopUp;
import io.copartner.commerce.api.SignedWebhook;
import io.copartner.commerce.api.TopUpView;
import io.copartner.commerce.api.WalletView;
import io.copartner.commerce.api.Wallets;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.web.json.OptionalJsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's wallets and top-ups (each wallet a ledger WALLET account per currency). */
@Path("wallet")
@RequestScoped
@Tag(name = "commerce")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class WalletResource {

    static final String PROBLEM = "application/problem+json";
    static final String TOP_UP = """
        {"id":"01936b2f-0000-7000-8000-00000000b001","owner":"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e",\
        "currency":"CNY","amount":10000,"provider":"sandbox","status":"PENDING","createdAt":"2026-12-02T10:00:00Z",\
        "completedAt":null,"walletAccountId":null,"ledgerEntryId":null,"auditEntryId":1203}""";

    @Inject
    Wallets wallets;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyWallets", summary = "The caller's wallets with balances",
        description = "One per currency the caller has topped up; balances in minor units, from the ledger.")
    @APIResponse(responseCode = "200", description = "The wallets", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.ARRAY, implementation = WalletView.class),
        examples = @ExampleObject(name = "wallets", value = "[{\"currency\":\"CNY\","
            + "\"accountId\":\"01936b2f-0000-7000-8000-00000000c001\",\"balance\":10000}]")))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    public List<WalletView> list() {
        return wallets.wallets(actor());
    }

    @POST
    @Path("top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTopUp", summary = "Start a wallet top-up (PENDING until the provider confirms)",
        description = "Creates a PENDING top-up through the configured payment provider (sandbox in dev). The wallet "
            + "is credited only when the provider's signed webhook arrives at /api/v1/payments/{provider}/webhook. "
            + "With the sandbox provider, POST /api/v1/wallet/top-ups/{id}/sandbox-confirmation hands out that signed "
            + "webhook. Currencies: those with an EXTERNAL_FUNDING account in the ledger (CNY, USD). "
            + "Idempotency-Key required: a retry answers the first top-up.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewTopUp.class),
        examples = @ExampleObject(name = "cny", value = "{\"currency\":\"CNY\",\"amount\":10000}")))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopUpDoc.class),
            examples = @ExampleObject(name = "pending", value = TOP_UP)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad amount, an unsupported currency "
        + "(unsupported-currency), a missing Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = PROBLEM))
    public Response create(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId owner = actor();
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("a top-up body {currency, amount} is required");
        }
        NewTopUp request;
        try {
            request = providers.getContextResolver(jakarta.json.bind.Jsonb.class, MediaType.APPLICATION_JSON_TYPE)
                .getContext(NewTopUp.class).fromJson(body, NewTopUp.class);
        } catch (jakarta.json.bind.JsonbException | IllegalArgumentException e) {
            throw ProblemException.malformed("the body is not a top-up: " + e.getMessage());
        }
        Idempotent<TopUpView> created = wallets.startTopUp(owner, request, key,
            ProductsResource.fingerprint("commerce.top-up.create", owner, body));
        return IdempotentResponses.of(Response.Status.CREATED, created);
    }

    @GET
    @Path("top-ups/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTopUp", summary = "One of the caller's top-ups",
        description = "PENDING, or COMPLETED with the wallet account and the ledger entry that credited it.")
    @APIResponse(responseCode = "200", description = "The top-up", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = TopUpDoc.class), examples = @ExampleObject(name = "pending", value = TOP_UP)))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such top-up of the caller's", content = @Content(mediaType = PROBLEM))
    public TopUpView get(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = "the top-up id") String id) {
        return wallets.topUp(actor(), uuid(id)).orElseThrow(() -> ProblemException.notFound("No top-up " + id + "."));
    }

    @POST
    @Path("top-ups/{id}/sandbox-confirmation")
    @OptionalJsonBody
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSandboxConfirmation", summary = "The sandbox provider's signed webhook for a top-up",
        description = "Dev/test only (payment provider sandbox): the sandbox 'pays' the caller's top-up and hands "
            + "back the webhook it would send, signed now: POST body (byte for byte) to path with the header "
            + "signatureHeader: signature. Nothing changes until that webhook is delivered and verified; each call "
            + "signs a new event id. 404 when another provider is configured. Body {} or none.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "The signed webhook", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedWebhook.class),
        examples = @ExampleObject(name = "webhook", value = "{\"path\":\"/api/v1/payments/sandbox/webhook\","
            + "\"signatureHeader\":\"Copartner-Signature\",\"signature\":\"t=1796205600,v1=5257a869e7ecebeda32affa62c"
            + "dca3fa51cad7e77a0e56ff536d0ce8e108d8bd\",\"body\":\"{\\\"id\\\":\\\"evt_8c1f\\\",\\\"type\\\":"
            + "\\\"top_up.succeeded\\\",\\\"created\\\":1796205600,\\\"data\\\":{\\\"topUpId\\\":"
            + "\\\"01936b2f-0000-7000-8000-00000000b001\\\",\\\"currency\\\":\\\"CNY\\\",\\\"amount\\\":10000}}\"}")))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such top-up of the caller's, or not the sandbox",
        content = @Content(mediaType = PROBLEM))
    public SignedWebhook sandboxConfirmation(@PathParam("id") @Parameter(in = ParameterIn.PATH,
        description = "the top-up id") String id) {
        return wallets.sandboxConfirmation(actor(), uuid(id))
            .orElseThrow(() -> ProblemException.notFound("No sandbox top-up " + id + "."));
    }

    private PartyId actor() {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        return Callers.actor(token);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("No top-up " + id + ".");
        }
    }

    /** The OpenAPI shape of {@link TopUpView}. */
    @Schema(name = "TopUp")
    public record TopUpDoc(String id, String owner, String currency, long amount, String provider,
                           @Schema(enumeration = {"PENDING", "COMPLETED"}) String status, java.time.Instant createdAt,
                           @Schema(nullable = true) java.time.Instant completedAt,
                           @Schema(nullable = true) String walletAccountId,
                           @Schema(nullable = true) String ledgerEntryId, long auditEntryId) {
    }
}
