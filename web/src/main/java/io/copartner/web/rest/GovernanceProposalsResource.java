package io.copartner.web.rest;

import io.copartner.governance.api.CoCreator;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.NewProposal;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.ProposalView;
import io.copartner.governance.api.Proposals;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.web.json.OptionalJsonBody;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Governance proposals: public reads; creation by admins, members past the proposal threshold and merchants (for
 * listings of their own products); queue and execute by any member or admin; cancel by the author or an admin.
 */
// Every governance resource class shares @Path("governance"): RESTEasy merges classes of one template, while a
// longer class template (governance/proposals) would hide the other classes' proposals/{id}/... methods.
@Path("governance")
@RequestScoped
@Tag(name = "governance")
public class GovernanceProposalsResource {

    static final String PROBLEM = "application/problem+json";
    static final String ROLES_WRITE = "partner, merchant or admin";
    static final String EXAMPLE = """
        {"id":"0b7c9a52-3f1e-4c5d-9a8b-2e6f4d1c7a90","kind":"GENERAL","state":"ACTIVE","title":"Weekly farmers' market",\
        "author":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","strategy":"ONE_MEMBER_ONE_VOTE",\
        "quorumBps":1000,"thresholdBps":5000,"snapshotAt":"2026-12-02T10:00:00Z","votingStartsAt":"2026-12-02T10:00:00Z",\
        "votingEndsAt":"2026-12-09T10:00:00Z","eta":null,"executedAt":null,"description":"Hold one every Saturday.",\
        "links":["https://forum.copartner.example/t/42"],"productRef":null,"merchantDid":null,"policy":null,\
        "parameters":null,"createdAt":"2026-12-01T10:00:00Z","queuedAt":null,"expiresAt":null,\
        "timelockSeconds":172800,"graceSeconds":1209600,"lateQuorumSeconds":86400,"votingExtended":false,\
        "parametersVersion":1,"coCreators":[]}""";

    @Inject
    Proposals proposals;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @POST
    @Path("proposals")
    @RolesAllowed({"partner", "merchant", "admin"})
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProposal", summary = "Propose (PENDING until the voting delay has passed)",
        description = "Kinds: GENERAL (text), PRODUCT_LISTING (productRef, optional merchantDid: a merchant may "
            + "propose only its own products; optional coCreators [{partner: a member's did:key, shareBps > 0}], "
            + "each partner once, at most 20, shares summing to at most 10000: once listed they are paid their "
            + "shares of the governed co-creation share of the product's revenue every period), REVENUE_POLICY "
            + "(policy: partnerPoolBps, platformFeeBps, commissionBps "
            + "per referral level (at most the governed cap, default 2, never 3+), purchaseRewardBps, "
            + "reviewRewardPoints, shareRewardPoints, pointExchangeRates, coCreationShareBps (0..2000, omitted = "
            + "unchanged; pool + fee + commissions + co-creation at most 10000), contributionWeights (spendBps, "
            + "referralsBps, coCreationBps, each 0..10000, not all 0: a partner's revenue-share weight is "
            + "max(0, spend × spendBps + referrals × referralsBps + co-creation × coCreationBps); omitted = "
            + "unchanged, seed 10000/10000/0)), GOVERNANCE_PARAMETERS (parameters: kinds "
            + "→ votingDelaySeconds, votingPeriodSeconds, quorumBps, thresholdBps, timelockSeconds, graceSeconds, "
            + "lateQuorumSeconds, proposalThresholdSeconds, strategy, contributionCap, contributionWindowSeconds; "
            + "tierSchedule; maxReferralLevels). Who may propose: admins; members (a did:key sign-in) who have been "
            + "members for the kind's proposalThresholdSeconds; merchants for listings of their own products. The "
            + "governance parameters in force are frozen into the proposal. With an Idempotency-Key a retry returns "
            + "the same proposal.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewProposal.class), examples = {
        @ExampleObject(name = "general", value = "{\"kind\":\"GENERAL\",\"title\":\"Weekly farmers' market\","
            + "\"description\":\"Hold one every Saturday.\",\"links\":[\"https://forum.copartner.example/t/42\"]}"),
        @ExampleObject(name = "listing", value = "{\"kind\":\"PRODUCT_LISTING\",\"title\":\"List the spring tea\","
            + "\"description\":\"Co-created with partners.\",\"productRef\":\"tea-2027-spring\","
            + "\"merchantDid\":\"did:web:copartner.example:merchants:m-1\",\"coCreators\":["
            + "{\"partner\":\"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\",\"shareBps\":7000},"
            + "{\"partner\":\"did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH\",\"shareBps\":3000}]}"),
        @ExampleObject(name = "revenuePolicy", value = "{\"kind\":\"REVENUE_POLICY\",\"title\":\"More to partners\","
            + "\"description\":\"Raise the pool to 35 %.\",\"policy\":{\"partnerPoolBps\":3500,\"platformFeeBps\":500,"
            + "\"commissionBps\":[1000,500],\"purchaseRewardBps\":100,\"reviewRewardPoints\":10,"
            + "\"shareRewardPoints\":5,\"pointExchangeRates\":[{\"from\":\"POINTS-A\",\"to\":\"POINTS-B\","
            + "\"rateBps\":8000}],\"coCreationShareBps\":500,\"contributionWeights\":{\"spendBps\":10000,"
            + "\"referralsBps\":10000,\"coCreationBps\":5000}}}")}))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalDoc.class),
            examples = @ExampleObject(name = "proposal", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed body or a value out of its hard bounds",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "No right to propose this (not a member yet, below the "
        + "proposal threshold, a merchant proposing something else than its own listing)",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Idempotency-Key used for another request",
        content = @Content(mediaType = PROBLEM))
    public Response create(
        @HeaderParam(IdempotencyKey.HEADER) @Parameter(description = MerchantAdminResource.KEY) String idempotencyKey,
        String body) {
        var actor = GovernanceCallers.actor(security);
        IdempotencyKey key = IdempotentResponses.optionalKey(idempotencyKey);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("a proposal body is required");
        }
        NewProposal proposal;
        String fingerprint;
        try {
            proposal = jsonb().fromJson(body, NewProposal.class);
            fingerprint = IdempotentRequest.fingerprintOfJson("governance.proposal.create", actor.party(), body);
        } catch (JsonbException | IllegalArgumentException e) {
            throw ProblemException.malformed("the body is not a proposal: " + e.getMessage());
        }
        Idempotent<ProposalView> created = proposals.create(actor, proposal, key, fingerprint);
        return IdempotentResponses.of(Response.Status.CREATED, created);
    }

    @GET
    @Path("proposals")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProposals", summary = "Proposals, newest first (public)",
        description = "Filter by state (PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXECUTED, EXPIRED) "
            + "and kind; pass next as cursor for the following page (null on the last).")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProposalPageDoc.class),
        examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"next\":null}")))
    @APIResponse(responseCode = "400", description = "Unknown state or kind, bad cursor or limit",
        content = @Content(mediaType = PROBLEM))
    public Proposals.Page list(@QueryParam("state") String state, @QueryParam("kind") String kind,
                               @QueryParam("cursor") String cursor,
                               @QueryParam("limit") @DefaultValue("20") @Parameter(description = "1..100") int limit) {
        ProposalKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = ProposalKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("kind must be one of GENERAL, PRODUCT_LISTING, REVENUE_POLICY, "
                    + "GOVERNANCE_PARAMETERS");
            }
        }
        return proposals.list(state, k, cursor, limit);
    }

    @GET
    @Path("proposals/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProposal", summary = "One proposal (public)",
        description = "Numbers are JSON numbers; instants not reached yet (eta, executedAt...) are null. "
            + "snapshotAt = votingStartsAt; votingEndsAt moves once if quorum is first reached late.")
    @APIResponse(responseCode = "200", description = "The proposal",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalDoc.class),
            examples = @ExampleObject(name = "proposal", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    public ProposalView get(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = "the proposal id") String id) {
        return proposals.find(uuid(id)).orElseThrow(() -> ProblemException.notFound("No proposal " + id + "."));
    }

    @POST
    @Path("proposals/{id}/queue")
    @OptionalJsonBody
    @RolesAllowed({"partner", "merchant", "admin", "auditor"})
    @SecurityRequirement(name = "bearer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queueProposal", summary = "Queue a SUCCEEDED proposal: the timelock starts",
        description = "Any member or admin (permissionless, as OpenZeppelin's). eta = now + timelockSeconds. Body {} "
            + "or none.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "QUEUED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProposalDoc.class), examples = @ExampleObject(name = "proposal", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Neither a member nor an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not SUCCEEDED (proposal-state)", content = @Content(mediaType = PROBLEM))
    public ProposalView queue(@PathParam("id") String id) {
        return proposals.queue(GovernanceCallers.actor(security), uuid(id));
    }

    @POST
    @Path("proposals/{id}/execute")
    @OptionalJsonBody
    @RolesAllowed({"partner", "merchant", "admin", "auditor"})
    @SecurityRequirement(name = "bearer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "executeProposal", summary = "Execute a QUEUED proposal once its timelock has passed",
        description = "Any member or admin; the scheduler also executes at the eta. REVENUE_POLICY: a new policy "
            + "version from the start of the next settlement period; GOVERNANCE_PARAMETERS: new parameters for "
            + "proposals created afterwards; PRODUCT_LISTING: commerce lists the product. Idempotent: executing an "
            + "EXECUTED proposal answers 200 with it and has no second effect. Body {} or none.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "EXECUTED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProposalDoc.class), examples = @ExampleObject(name = "proposal", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Neither a member nor an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not QUEUED, before the eta, or expired (proposal-state)",
        content = @Content(mediaType = PROBLEM))
    public ProposalView execute(@PathParam("id") String id) {
        return proposals.execute(GovernanceCallers.actor(security), uuid(id));
    }

    @POST
    @Path("proposals/{id}/cancel")
    @OptionalJsonBody
    @RolesAllowed({"partner", "merchant", "admin", "auditor"})
    @SecurityRequirement(name = "bearer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelProposal", summary = "Cancel a proposal not yet executed",
        description = "The author or an admin; PENDING, ACTIVE, SUCCEEDED and QUEUED proposals. Body {} or none.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "CANCELED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProposalDoc.class), examples = @ExampleObject(name = "proposal", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Neither the author nor an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already decided for good (proposal-state)",
        content = @Content(mediaType = PROBLEM))
    public ProposalView cancel(@PathParam("id") String id) {
        return proposals.cancel(GovernanceCallers.actor(security), uuid(id));
    }

    private Jsonb jsonb() {
        return providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE).getContext(NewProposal.class);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No proposal " + id + ".");
        }
    }

    /** The OpenAPI shape of a page of proposals: {@code next} is null on the last page. */
    @Schema(name = "ProposalPage")
    public record ProposalPageDoc(List<ProposalDoc> items, @Schema(nullable = true) String next) {
    }

    /** The OpenAPI shape of {@link ProposalView}: which members are null until their moment (JSON-B writes them). */
    @Schema(name = "Proposal")
    public record ProposalDoc(String id, ProposalKind kind, String state, String title, String author,
                              WeightStrategy strategy, int quorumBps, int thresholdBps, Instant snapshotAt,
                              Instant votingStartsAt, Instant votingEndsAt,
                              @Schema(nullable = true) Instant eta, @Schema(nullable = true) Instant executedAt,
                              String description, List<String> links,
                              @Schema(nullable = true) String productRef, @Schema(nullable = true) String merchantDid,
                              @Schema(nullable = true) RevenuePolicy policy,
                              @Schema(nullable = true) GovernanceParameters parameters, Instant createdAt,
                              @Schema(nullable = true) Instant queuedAt, @Schema(nullable = true) Instant canceledAt,
                              @Schema(nullable = true) Instant expiresAt, long timelockSeconds, long graceSeconds,
                              long lateQuorumSeconds, boolean votingExtended, int parametersVersion,
                              List<CoCreator> coCreators) {
    }
}
