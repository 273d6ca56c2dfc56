package io.copartner.web.rest;

import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.EntryView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import io.copartner.ledger.api.PostingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Journal entries. Admins post entries and reversals, each with an {@code Idempotency-Key}: a retry with the same
 * key and body returns the first result (201 again, header {@code Idempotent-Replayed: true}) and writes nothing.
 * Admins and auditors read any entry; partners and merchants read entries that touch an account they own.
 */
@Path("ledger/entries")
@RequestScoped
@RolesAllowed({"admin", "auditor", "partner", "merchant"})
@Tag(name = "ledger")
@SecurityRequirement(name = "bearer")
public class LedgerEntriesResource {

    static final String PROBLEM = "application/problem+json";
    static final String REPLAYED = IdempotencyKey.REPLAYED_HEADER;
    static final String ENTRY_EXAMPLE = """
        {"id":"01936b2f-0000-7000-8000-000000000001","kind":"STANDARD","memo":"Top-up","postedAt":"2026-11-25T10:00:00.123456Z",
         "postings":[{"accountId":"00000000-0000-7000-8000-000000000003","asset":"CNY","amount":-10000,"balanceAfter":-10000},
                     {"accountId":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f","asset":"CNY","amount":10000,"balanceAfter":10000}],
         "audit":{"entryId":42,"leafIndex":41,"treeSize":64,"inclusionProof":"/api/v1/audit/proofs/inclusion?index=41&treeSize=64"}}""";

    @Inject
    Ledger ledger;

    @Inject
    JsonWebToken token;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postEntry", summary = "Post a journal entry (admins only; Idempotency-Key required)",
        description = "Two to 100 postings on distinct accounts; each amount is signed minor units of the account's asset "
            + "(positive adds to the balance, negative takes from it, never zero), and the amounts sum to zero per asset. "
            + "The entry and its audit entry are written in one transaction.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = PostEntryRequest.class),
        examples = @ExampleObject(name = "top-up", value = """
            {"memo":"Top-up","postings":[
              {"accountId":"00000000-0000-7000-8000-000000000003","asset":"CNY","amount":-10000},
              {"accountId":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f","asset":"CNY","amount":10000}]}""")))
    @APIResponse(responseCode = "201", description = "Posted (or the replay of the first post with this key)",
        headers = @Header(name = REPLAYED, description = "true when this is the first result of an earlier request",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
            examples = @ExampleObject(name = "top-up", value = ENTRY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing key, fewer than two postings, zero amount, unbalanced, "
        + "unknown account or asset mismatch", content = @Content(mediaType = PROBLEM,
        examples = @ExampleObject(name = "unbalanced", value = """
            {"type":"https://copartner.io/problems/validation","title":"Request validation failed","status":400,
             "detail":"postings in CNY do not balance: they sum to -1 minor units instead of 0"}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Insufficient funds (nothing written), or the key was used "
        + "with a different request", content = @Content(mediaType = PROBLEM, examples = {
            @ExampleObject(name = "insufficient-funds", value = """
                {"type":"https://copartner.io/problems/insufficient-funds","title":"Insufficient funds","status":409,
                 "detail":"account 01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f may not go below zero; the entry was not posted",
                 "accountId":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f"}"""),
            @ExampleObject(name = "idempotency-conflict", value = """
                {"type":"https://copartner.io/problems/idempotency-conflict","title":"Idempotency key conflict","status":409,
                 "detail":"this Idempotency-Key was already used with a different request"}""")}))
    public Response post(
        @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
            description = "Unique per intended write, 1..200 visible ASCII characters", example = "topup-2026-11-25-0001")
        @HeaderParam("Idempotency-Key") String idempotencyKey,
        @Valid @NotNull PostEntryRequest request) {
        List<PostingLine> lines = request.postings().stream()
            .map(p -> new PostingLine(p.accountId(), p.asset(), p.amount())).toList();
        PostResult result = ledger.post(new PostEntry(request.memo(), lines, Callers.actor(token).value()), idempotencyKey);
        return created(result);
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseEntry", summary = "Reverse an entry (admins only; Idempotency-Key required)",
        description = "Posts a new entry with the original's postings negated, referencing it. An entry is reversed at "
            + "most once; a reversal is not reversed. The body is optional.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ReversalRequest.class),
        examples = @ExampleObject(name = "reversal", value = "{\"memo\":\"Posted to the wrong wallet\"}")))
    @APIResponse(responseCode = "201", description = "The reversal entry",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
            examples = @ExampleObject(name = "reversal", value = """
                {"id":"01936b30-0000-7000-8000-000000000002","kind":"REVERSAL","memo":"Posted to the wrong wallet",
                 "postedAt":"2026-11-25T11:00:00Z","reverses":"01936b2f-0000-7000-8000-000000000001",
                 "postings":[{"accountId":"00000000-0000-7000-8000-000000000003","asset":"CNY","amount":10000,"balanceAfter":0},
                             {"accountId":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f","asset":"CNY","amount":-10000,"balanceAfter":0}],
                 "audit":{"entryId":43}}""")))
    @APIResponse(responseCode = "400", description = "Missing Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such entry", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already reversed, a reversal itself, insufficient funds, or the "
        + "key was used with a different request", content = @Content(mediaType = PROBLEM,
        examples = @ExampleObject(name = "already-reversed", value = """
            {"type":"https://copartner.io/problems/conflict","title":"Conflict with current state","status":409,
             "detail":"entry 01936b2f-0000-7000-8000-000000000001 was already reversed by 01936b30-0000-7000-8000-000000000002"}""")))
    public Response reverse(
        @Parameter(description = "The entry to reverse", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id,
        @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
            description = "Unique per intended write, 1..200 visible ASCII characters", example = "reverse-01936b2f")
        @HeaderParam("Idempotency-Key") String idempotencyKey,
        @Valid ReversalRequest request) {
        PostResult result = ledger.reverse(id, request == null ? null : request.memo(), Callers.actor(token).value(),
            idempotencyKey);
        return created(result);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEntry", summary = "A journal entry with its postings and audit receipt",
        description = "`audit.entryId` is the audit log entry written with it; `audit.leafIndex` is null until the "
            + "sequencer integrates it, and `audit.inclusionProof` links the proof once a checkpoint covers it.")
    @APIResponse(responseCode = "200", description = "The entry",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
            examples = @ExampleObject(name = "top-up", value = ENTRY_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such entry visible to the caller", content = @Content(mediaType = PROBLEM))
    public EntryView entry(
        @Parameter(description = "Entry id", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id) {
        EntryView entry = ledger.entry(id).orElseThrow(() -> ProblemException.notFound("no entry " + id));
        if (!Callers.readsEverything(token) && !touchesCallersAccount(entry)) {
            throw ProblemException.notFound("no entry " + id);
        }
        return entry;
    }

    private boolean touchesCallersAccount(EntryView entry) {
        for (PostingView p : entry.postings()) {
            if (ledger.account(p.accountId()).map(AccountView::owner).filter(o -> Callers.mayRead(token, o)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Response created(PostResult result) {
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
            .location(uri.getBaseUriBuilder().path("ledger/entries").path(result.entry().id().toString()).build())
            .entity(result.entry());
        return IdempotentResponses.mark(response, result.replayed()).build();
    }

    /** An entry to post. */
    @Schema(name = "PostEntryRequest")
    public record PostEntryRequest(
        @Size(max = 500) String memo,
        @NotNull @Size(min = 2, max = 100) List<@NotNull @Valid PostingRequest> postings) {
    }

    /** One posting: a signed amount in minor units of the account's asset. */
    @Schema(name = "PostingRequest")
    public record PostingRequest(@NotNull UUID accountId, @NotBlank String asset, @NotNull Long amount) {
    }

    /** Why an entry is reversed (optional). */
    @Schema(name = "ReversalRequest")
    public record ReversalRequest(@Size(max = 500) String memo) {
    }
}
