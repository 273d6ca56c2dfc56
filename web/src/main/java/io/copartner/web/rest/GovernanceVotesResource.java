package io.copartner.web.rest;

import io.copartner.governance.api.Votes;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public side of voting (issue 9, pinned): every accepted ballot as received, the weight snapshot, the live or
 * final tally, a member's delegation statement in force. No token: anyone recomputes the tally from these.
 */
@Path("governance")
@ApplicationScoped
@Tag(name = "governance", description = "Proposals, DID-signed ballots and delegations, weights and tallies")
public class GovernanceVotesResource {

    static final String PROBLEM = "application/problem+json";
    static final String DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    static final String JWS = "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6ImNvcGFydG5lci1iYWxsb3Qrand0In0.eyJwcm9wb3NhbCI6IjAxOTM2YjJmLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMSIsImNob2ljZSI6ImZvciIsInZvdGVyIjoiZGlkOmtleTp6Nk1raVRCejF5bXVlcEFRNEhFSFlTRjFIOHF1RzVHTFZWUVIzZGpkWDNtRG9vV3AiLCJpc3N1ZWRBdCI6MTc4MDAwMDAwMCwibm9uY2UiOiJiOWQzZjJhMWM0ZTU2Nzg5In0.c2lnbmF0dXJl";

    @Inject
    Votes votes;

    @GET
    @Path("proposals/{id}/ballots")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listBallots", summary = "Every ballot ever accepted for a proposal, in receive order",
        description = "Each item is the compact JWS exactly as received. `counted` says whether it is the voter's "
            + "latest ballot (the one the tally counts); it is final once the tally is. `auditIndex` is the leaf index of "
            + "its `governance.ballot.accepted` audit entry, null until the sequencer integrated it. Pass `next` as "
            + "`cursor` for the following page; it is null on the last page. Refused ballots are never listed.")
    @APIResponse(responseCode = "200", description = "A page of ballots",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BallotPageDoc.class),
            examples = @ExampleObject(name = "page", value = "{\"items\":[{\"ballotId\":\"01936b40-0000-7000-8000-000000000001\","
                + "\"ballot\":\"" + JWS + "\",\"receivedAt\":\"2026-12-01T10:00:05.123456Z\",\"counted\":true,"
                + "\"auditIndex\":42}],\"next\":null}")))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit", content = @Content(mediaType = PROBLEM,
        examples = @ExampleObject(name = "limit", value = """
            {"type":"https://copartner.io/problems/validation","title":"Request validation failed","status":400,
             "detail":"limit must be 1..1000"}""")))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    public String ballots(
        @Parameter(description = "Proposal id", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id,
        @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
        @Parameter(description = "Page size, 1..1000", example = "100") @QueryParam("limit") @DefaultValue("100") int limit) {
        return GovernanceJson.ballots(votes.ballots(id, cursor, limit));
    }

    @GET
    @Path("proposals/{id}/weights")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProposalWeights", summary = "The weight snapshot frozen when voting started",
        description = "Every eligible member (memberSince before snapshotAt) with base, tierBps and weight "
            + "(floor(base × tierBps / 10000)), sorted by DID, and the delegation statements in force at snapshotAt that "
            + "apply to the proposal (JWS as received). `snapshotHash` is the hex SHA-256 of the RFC 8785 canonical JSON "
            + "of this object without its `snapshotHash` member.")
    @APIResponse(responseCode = "200", description = "The snapshot",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeightsDoc.class),
            examples = @ExampleObject(name = "one member one vote", value = "{\"snapshotHash\":"
                + "\"5f1c0c8e0b7d4a2f9e3c6b1a0d9e8f7c6b5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a\",\"delegations\":[],"
                + "\"snapshotAt\":\"2026-12-01T10:00:00Z\",\"strategy\":\"ONE_MEMBER_ONE_VOTE\",\"totalEligibleWeight\":\"1\","
                + "\"voters\":[{\"base\":\"1\",\"tierBps\":10000,\"voter\":\"" + DID + "\",\"weight\":\"1\"}]}")))
    @APIResponse(responseCode = "404", description = "No such proposal, or voting has not started",
        content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not started", value = """
            {"type":"https://copartner.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"voting has not started on 01936b2f-0000-7000-8000-000000000001"}""")))
    public String weights(
        @Parameter(description = "Proposal id", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id) {
        return votes.weights(id).orElseThrow(() -> ProblemException.notFound("voting has not started on " + id));
    }

    @GET
    @Path("proposals/{id}/tally")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProposalTally", summary = "The live tally, or the final one once voting ended",
        description = "Weights are JSON strings. A voter's counted ballot is their last accepted ballot received before "
            + "votingEndsAt; their effective weight is their own weight plus floor(delegator weight × shareBps / 10000) "
            + "for each non-voting delegator whose statement applies (not transitive, never for QUADRATIC). Quorum: "
            + "(for + abstain) × 10000 ≥ totalEligibleWeight × quorumBps; succeeded: quorum and for × 10000 > "
            + "(for + against) × thresholdBps. `ballotsHash` is the hex SHA-256 of the RFC 8785 JSON array of every "
            + "accepted ballot's JWS in receive order. `auditIndex` is the leaf index of the `governance.tally.final` "
            + "audit entry once final and sequenced, else null.")
    @APIResponse(responseCode = "200", description = "The tally",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TallyDoc.class),
            examples = @ExampleObject(name = "final", value = """
                {"final":true,"for":"7","against":"2","abstain":"1","totalEligibleWeight":"40","quorumReached":true,
                 "succeeded":true,"ballotsHash":"0d3c5a6b7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b",
                 "snapshotHash":"5f1c0c8e0b7d4a2f9e3c6b1a0d9e8f7c6b5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a","auditIndex":57}""")))
    @APIResponse(responseCode = "404", description = "No such proposal, or voting has not started",
        content = @Content(mediaType = PROBLEM))
    public String tally(
        @Parameter(description = "Proposal id", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id) {
        return GovernanceJson.tally(votes.tally(id)
            .orElseThrow(() -> ProblemException.notFound("voting has not started on " + id)));
    }

    @GET
    @Path("delegations/{did}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDelegation", summary = "A member's delegation statement in force now",
        description = "The member's latest accepted statement (JWS as received) and what it says; an empty "
            + "`delegations` list is a revocation. Proposals use the statement in force at their snapshot "
            + "(see their /weights).")
    @APIResponse(responseCode = "200", description = "The statement in force",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationDoc.class),
            examples = @ExampleObject(name = "all kinds", value = "{\"delegator\":\"" + DID + "\",\"statement\":\"eyJ...\","
                + "\"receivedAt\":\"2026-12-01T09:00:00.5Z\",\"delegations\":[{\"delegate\":"
                + "\"did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme\",\"shareBps\":5000}],\"kinds\":[\"*\"]}")))
    @APIResponse(responseCode = "404", description = "The member never made a statement",
        content = @Content(mediaType = PROBLEM))
    public String delegation(@Parameter(description = "The delegator's DID", example = DID) @PathParam("did") String did) {
        return GovernanceJson.delegation(votes.delegationOf(did)
            .orElseThrow(() -> ProblemException.notFound("no delegation statement of " + did)));
    }

    /** The documented shape of a page of ballots. */
    @Schema(name = "BallotPage")
    public record BallotPageDoc(List<PublishedBallotDoc> items, @Schema(nullable = true) String next) {
    }

    @Schema(name = "PublishedBallot")
    public record PublishedBallotDoc(String ballotId, @Schema(description = "The compact JWS exactly as received") String ballot,
                                     String receivedAt, boolean counted, @Schema(nullable = true) Long auditIndex) {
    }

    @Schema(name = "ProposalWeights")
    public record WeightsDoc(String strategy, String snapshotAt,
                             @Schema(description = "decimal integer") String totalEligibleWeight,
                             List<VoterWeightDoc> voters, List<StatementDoc> delegations, String snapshotHash) {
    }

    @Schema(name = "VoterWeight")
    public record VoterWeightDoc(String voter, @Schema(description = "decimal integer") String base, int tierBps,
                                 @Schema(description = "decimal integer") String weight) {
    }

    @Schema(name = "DelegationStatementInForce")
    public record StatementDoc(String statement, String receivedAt) {
    }

    @Schema(name = "ProposalTally")
    public record TallyDoc(@Schema(name = "final") boolean isFinal, @Schema(name = "for") String forWeight,
                           @Schema(name = "against") String againstWeight, @Schema(name = "abstain") String abstainWeight,
                           String totalEligibleWeight, boolean quorumReached, boolean succeeded, String ballotsHash,
                           String snapshotHash, @Schema(nullable = true) Long auditIndex) {
    }

    @Schema(name = "Delegation")
    public record DelegationDoc(String delegator, String statement, String receivedAt, List<ShareDoc> delegations,
                                List<String> kinds) {
    }

    @Schema(name = "DelegationShare")
    public record ShareDoc(String delegate, int shareBps) {
    }
}
