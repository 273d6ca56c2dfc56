package io.copartner.web.rest;

import io.copartner.identity.api.MerchantAdministration;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
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
 * Merchant identity administration (admins only): a Keycloak user with role merchant in group
 * /merchants/&lt;id&gt;, a did:web, a business profile and a MerchantVerification credential. Audited.
 */
@Path("admin/merchants")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class MerchantAdminResource {

    static final String PROBLEM = "application/problem+json";
    static final String KEY = "retry-safe key, 1..200 visible ASCII characters (no spaces): a retry with the same key and request answers as "
        + "the first did and changes nothing; the same key with another request is 409 idempotency-conflict";

    @Inject
    MerchantAdministration merchants;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMerchant", summary = "Create a merchant (PENDING)",
        description = "Creates the Keycloak user (enabled, role merchant, group /merchants/<id>), the merchant's did:web "
            + "and its business profile. Keycloak is changed first and undone if the rest fails.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merchant",
        value = "{\"name\":\"Green Farm Ltd\",\"businessLicence\":\"91310000MA1FL0001X\","
            + "\"contactEmail\":\"office@greenfarm.example\",\"username\":\"greenfarm\"}")))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MerchantAdministration.MerchantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Username or e-mail taken, or Idempotency-Key reused",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; nothing was created",
        content = @Content(mediaType = PROBLEM))
    public Response create(@HeaderParam("Idempotency-Key") @Parameter(description = KEY) String idempotencyKey,
                           @Valid @NotNull NewMerchantRequest body) {
        var created = merchants.create(new MerchantAdministration.NewMerchant(body.name(), body.businessLicence(),
            body.contactEmail(), body.username(), body.password(), body.publicKeyMultibase()), Callers.actor(token),
            IdempotentResponses.optionalKey(idempotencyKey));
        return IdempotentResponses.of(Response.Status.CREATED, created);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMerchants", summary = "List and search merchants", description = "Ordered by id; pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of merchants")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    public MerchantAdministration.MerchantPage search(@QueryParam("status") String status, @QueryParam("q") String q,
                                                     @QueryParam("cursor") String cursor,
                                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        return merchants.search(status, q, cursor, limit);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMerchant", summary = "One merchant",
        description = "One merchant by id: status, Keycloak account, did:web and the current credential.")
    @APIResponse(responseCode = "200", description = "The merchant")
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    public MerchantAdministration.MerchantView get(@PathParam("id") String id) {
        return merchants.get(id);
    }

    @GET
    @Path("{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMerchantHistory", summary = "The merchant's administrative history, each step with its audit entry",
        description = "Every administrative step of the merchant (created, verified, suspended, reinstated, roles changed), oldest first, each with the audit log entry that records it.")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    public List<MerchantAdministration.HistoryEntry> history(@PathParam("id") String id) {
        return merchants.history(id);
    }

    @GET
    @Path("{id}/roles")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMerchantRoles", summary = "The platform roles of the merchant's Keycloak account",
        description = "The platform roles (merchant, partner, auditor) currently granted to the merchant's Keycloak account, read from Keycloak.")
    @APIResponse(responseCode = "200", description = "Its roles", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = RolesBody.class), examples = @ExampleObject(name = "roles", value = "{\"roles\":[\"auditor\",\"merchant\"]}")))
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Keycloak unavailable", content = @Content(mediaType = PROBLEM))
    public RolesBody roles(@PathParam("id") String id) {
        return new RolesBody(merchants.roles(id));
    }

    @PUT
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setMerchantRoles", summary = "Set the roles of the merchant's Keycloak account",
        description = "The assignable roles are merchant (always required), partner and auditor; admin is never "
            + "given here. Roles are changed in Keycloak (new tokens carry them) and one audit entry with the acting "
            + "admin records what was added and removed; the step appears in the merchant's history. Putting the "
            + "roles it already has changes and records nothing, so a retry is harmless.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "roles", value = "{\"roles\":[\"merchant\",\"auditor\"]}")))
    @APIResponse(responseCode = "200", description = "The roles now")
    @APIResponse(responseCode = "400", description = "Without merchant, or a role not assignable here",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; nothing changed", content = @Content(mediaType = PROBLEM))
    public RolesBody setRoles(@PathParam("id") String id, RolesBody body) {
        if (body == null || body.roles() == null) {
            throw ProblemException.badRequest("roles is required.");
        }
        return new RolesBody(merchants.setRoles(id, body.roles(), Callers.actor(token)));
    }

    @POST
    @Path("{id}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyMerchant", summary = "Verify a PENDING merchant: issues its MerchantVerification credential",
        description = "With an Idempotency-Key, a retry answers as the first request did (the same credential) and "
            + "issues nothing.")
    @APIResponse(responseCode = "200", description = "VERIFIED, with the credential (or, for a repeated "
        + "Idempotency-Key, the first result)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MerchantAdministration.MerchantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not PENDING, or Idempotency-Key used for another request",
        content = @Content(mediaType = PROBLEM))
    public Response verify(
        @PathParam("id") String id,
        @HeaderParam("Idempotency-Key") @Parameter(description = KEY) String idempotencyKey) {
        return IdempotentResponses.of(Response.Status.OK,
            merchants.verify(id, Callers.actor(token), IdempotentResponses.optionalKey(idempotencyKey)));
    }

    @POST
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suspendMerchant", summary = "Suspend a merchant: sign-in disabled, credential revoked, writes refused at once",
        description = "With an Idempotency-Key, a retry with the same reason answers as the first request did and "
            + "changes nothing (one audit entry).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "reason", value = "{\"reason\":\"licence expired\"}")))
    @APIResponse(responseCode = "200", description = "SUSPENDED (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MerchantAdministration.MerchantView.class)))
    @APIResponse(responseCode = "400", description = "Reason too long or invalid Idempotency-Key",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already suspended, or Idempotency-Key used for another request",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; nothing changed", content = @Content(mediaType = PROBLEM))
    public Response suspend(
        @PathParam("id") String id,
        @HeaderParam("Idempotency-Key") @Parameter(description = KEY) String idempotencyKey,
        @Valid SuspensionRequest body) {
        return IdempotentResponses.of(Response.Status.OK, merchants.suspend(id, body == null ? null : body.reason(),
            Callers.actor(token), IdempotentResponses.optionalKey(idempotencyKey)));
    }

    @POST
    @Path("{id}/reinstatement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reinstateMerchant", summary = "Reinstate a suspended merchant: sign-in enabled, a fresh credential, VERIFIED",
        description = "With an Idempotency-Key, a retry answers as the first request did (the same credential) and "
            + "changes nothing.")
    @APIResponse(responseCode = "200", description = "VERIFIED (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MerchantAdministration.MerchantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such merchant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not suspended, or Idempotency-Key used for another request",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; nothing changed", content = @Content(mediaType = PROBLEM))
    public Response reinstate(
        @PathParam("id") String id,
        @HeaderParam("Idempotency-Key") @Parameter(description = KEY) String idempotencyKey) {
        return IdempotentResponses.of(Response.Status.OK,
            merchants.reinstate(id, Callers.actor(token), IdempotentResponses.optionalKey(idempotencyKey)));
    }

    /** {@code password} (optional) is set in Keycloak and never stored here. */
    public record NewMerchantRequest(@Size(max = 200) String name, @Size(max = 64) String businessLicence,
                                     @Size(max = 320) String contactEmail, @Size(max = 64) String username,
                                     @Size(max = 200) String password, @Size(max = 200) String publicKeyMultibase) {
    }

    public record SuspensionRequest(@Size(max = 500) String reason) {
    }

    /** {@code roles}: realm role names. */
    public record RolesBody(Set<String> roles) {
    }
}
