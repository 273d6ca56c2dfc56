package io.copartner.web.rest;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.StatementPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Ledger accounts. Admins open accounts; admins and auditors read any account; partners and merchants read the
 * accounts they own ({@code party:<sub>} or their DID). An account the caller may not read is reported as not found.
 */
@Path("ledger/accounts")
@RequestScoped
@RolesAllowed({"admin", "auditor", "partner", "merchant"})
@Tag(name = "ledger", description = "Double-entry ledger: accounts, balances, statements, journal entries")
@SecurityRequirement(name = "bearer")
public class LedgerAccountsResource {

    static final String PROBLEM = "application/problem+json";
    static final String ACCOUNT_EXAMPLE = """
        {"id":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f","owner":"party:5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01",
         "asset":"CNY","kind":"WALLET","name":"Main wallet","mayGoNegative":false,"balance":12345,
         "balanceDecimal":"123.45","asOf":"2026-11-25T10:00:00Z","createdAt":"2026-11-20T08:00:00Z"}""";

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
    @Operation(operationId = "openAccount", summary = "Open an account (admins only)",
        description = "The owner is a party id (`party:<token sub>`, `party:platform`) or a DID; the asset an ISO 4217 "
            + "code or `PTS:<brand>`. WALLET, ESCROW, MERCHANT_RECEIVABLE, PARTNER_POOL, COMMISSION_PAYABLE and "
            + "PLATFORM_FEE accounts never go negative; POINTS_ISSUED (points assets only) and EXTERNAL_FUNDING may.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OpenAccountRequest.class),
        examples = @ExampleObject(name = "wallet", value = """
            {"owner":"party:5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01","asset":"CNY","kind":"WALLET","name":"Main wallet"}""")))
    @APIResponse(responseCode = "201", description = "The new account, balance zero",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
            examples = @ExampleObject(name = "wallet", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid owner, asset or kind", content = @Content(mediaType = PROBLEM,
        examples = @ExampleObject(name = "validation", value = """
            {"type":"https://copartner.io/problems/validation","title":"Request validation failed","status":400,
             "detail":"owner must be a party id (party:<id>) or a DID, at most 300 characters"}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    public Response open(@Valid @NotNull OpenAccountRequest request) {
        AccountView created = ledger.open(new OpenAccount(request.owner(), request.asset(), request.kind(), request.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAccounts", summary = "List accounts by owner or find a chart-of-accounts account by code",
        description = "Partners and merchants get their own accounts (owner optional, and if given it must be theirs). "
            + "Admins and auditors give `owner`, or `code` for a platform system account (`PLATFORM_FEE:CNY`, "
            + "`PLATFORM_FEE:USD`, `EXTERNAL_FUNDING:CNY`, `EXTERNAL_FUNDING:USD`).")
    @APIResponse(responseCode = "200", description = "The accounts with their current balances, oldest first",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AccountView.class), examples = @ExampleObject(name = "system", value = """
            [{"id":"00000000-0000-7000-8000-000000000001","owner":"party:platform","asset":"CNY","kind":"PLATFORM_FEE",
              "name":"Platform fee income (CNY)","code":"PLATFORM_FEE:CNY","mayGoNegative":false,"balance":0,
              "balanceDecimal":"0.00","asOf":"2026-11-25T10:00:00Z","createdAt":"2026-11-20T08:00:00Z"}]""")))
    @APIResponse(responseCode = "400", description = "Neither owner nor code given (admins, auditors)",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Asking for another party's accounts", content = @Content(mediaType = PROBLEM))
    public List<AccountView> list(
        @Parameter(description = "Owner (party id or DID)", example = "party:platform") @QueryParam("owner") String owner,
        @Parameter(description = "Code of a system account", example = "PLATFORM_FEE:CNY") @QueryParam("code") String code) {
        if (Callers.readsEverything(token)) {
            if (code != null && !code.isBlank()) {
                return ledger.systemAccount(code).map(List::of).orElse(List.of());
            }
            if (owner == null || owner.isBlank()) {
                throw ProblemException.badRequest("give owner or code");
            }
            return ledger.accountsOf(owner);
        }
        if (code != null && !code.isBlank()) {
            throw ProblemException.forbidden("system accounts are visible to admins and auditors");
        }
        if (owner != null && !owner.isBlank()) {
            if (!Callers.identities(token).contains(owner)) {
                throw ProblemException.forbidden("you may list only your own accounts");
            }
            return ledger.accountsOf(owner);
        }
        List<AccountView> mine = new ArrayList<>();
        for (String id : Callers.identities(token)) {
            mine.addAll(ledger.accountsOf(id));
        }
        return mine;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAccount", summary = "An account with its balance, now or as of a time",
        description = "With `asOf` the balance is the sum of the account's postings posted at or before that time.")
    @APIResponse(responseCode = "200", description = "The account",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
            examples = @ExampleObject(name = "wallet", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf is not an RFC 3339 timestamp", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such account visible to the caller", content = @Content(mediaType = PROBLEM,
        examples = @ExampleObject(name = "not-found", value = """
            {"type":"https://copartner.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"no account 01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f"}""")))
    public AccountView account(
        @Parameter(description = "Account id", example = "00000000-0000-7000-8000-000000000001") @PathParam("id") UUID id,
        @Parameter(description = "RFC 3339 time for a historical balance", example = "2026-11-25T10:00:00Z")
        @QueryParam("asOf") String asOf) {
        AccountView account = ledger.account(id, Callers.instant(asOf, "asOf"))
            .filter(a -> Callers.mayRead(token, a.owner()))
            .orElseThrow(() -> ProblemException.notFound("no account " + id));
        return account;
    }

    @GET
    @Path("{id}/statement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAccountStatement", summary = "The account's postings, oldest first, a page at a time",
        description = "Pass `nextCursor` of a page as `cursor` to get the next one; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "A page of the statement",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementPage.class),
            examples = @ExampleObject(name = "page", value = """
                {"accountId":"01936b2e-7c4a-7d3e-9f10-4b6f1c2d3e4f","asset":"CNY",
                 "items":[{"entryId":"01936b2f-0000-7000-8000-000000000001","kind":"STANDARD",
                           "postedAt":"2026-11-25T10:00:00.123456Z","amount":10000,"balanceAfter":10000,"memo":"Top-up"}],
                 "nextCursor":"czE6MTI"}""")))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such account visible to the caller", content = @Content(mediaType = PROBLEM))
    public StatementPage statement(
        @Parameter(description = "Account id", example = "00000000-0000-7000-8000-000000000001") @PathParam("id") UUID id,
        @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
        @Parameter(description = "Page size, 1..200", example = "50") @QueryParam("limit") @DefaultValue("50") int limit) {
        ledger.account(id).filter(a -> Callers.mayRead(token, a.owner()))
            .orElseThrow(() -> ProblemException.notFound("no account " + id));
        return ledger.statement(id, cursor, limit);
    }

    /** An account to open. */
    @Schema(name = "OpenAccountRequest")
    public record OpenAccountRequest(
        @NotBlank @Size(max = 300) String owner,
        @NotBlank @Size(max = 70) String asset,
        @NotNull AccountKind kind,
        @Size(max = 200) String name) {
    }
}
