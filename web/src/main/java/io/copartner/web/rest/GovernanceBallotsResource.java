package io.copartner.web.rest;

import io.copartner.governance.api.Votes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
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
 * Casting DID-signed ballots and delegation statements (issue 9, pinned). The signed-in caller's token {@code did}
 * must be the statement's signer. Protected only, so JsonWebToken is never injected anonymously.
 */
@Path("governance")
@RequestScoped
@RolesAllowed({"partner", "merchant", "admin", "auditor"})
@Tag(name = "governance")
@SecurityRequirement(name = "bearer")
public class GovernanceBallotsResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Votes votes;

    @Inject
    JsonWebToken token;

    @POST
    @Path("proposals/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "castBallot", summary = "Cast a ballot signed with the voter's did:key",
        description = "The ballot is a compact JWS: protected header {\"alg\":\"EdDSA\"|\"ES256K\",\"kid\":\"<did>#<multibase "
            + "key>\",\"typ\":\"copartner-ballot+jwt\"}, payload {\"proposal\",\"choice\":\"for\"|\"against\"|\"abstain\","
            + "\"voter\",\"issuedAt\":<epoch s>,\"nonce\":\"<16-64 chars>\"}; ES256K signatures are R‖S. A later ballot of "
            + "the same voter replaces the earlier one until voting ends (`replaces` names it); every ballot stays "
            + "published. Refusals: 400 ballot-invalid (malformed JWS, unknown choice, another proposal's id) or "
            + "statement-stale (|issuedAt − server time| > 300 s); 403 signature-invalid (bad signature, a kid that is "
            + "not the voter's key), signer-mismatch (voter ≠ the token's did), not-eligible, conflict-of-interest; "
            + "409 voting-closed (outside the voting window) or nonce-replayed (a nonce of an earlier ballot or "
            + "delegation statement).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = BallotRequest.class),
        examples = @ExampleObject(name = "ballot", value = "{\"ballot\":\"" + GovernanceVotesResource.JWS + "\"}")))
    @APIResponse(responseCode = "201", description = "Accepted",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BallotAcceptedDoc.class),
            examples = {
                @ExampleObject(name = "first ballot", value = "{\"ballotId\":\"01936b40-0000-7000-8000-000000000001\","
                    + "\"proposal\":\"01936b2f-0000-7000-8000-000000000001\",\"voter\":\"" + GovernanceVotesResource.DID
                    + "\",\"choice\":\"for\",\"receivedAt\":\"2026-12-01T10:00:05.123456Z\",\"replaces\":null}"),
                @ExampleObject(name = "changed vote", value = "{\"ballotId\":\"01936b41-0000-7000-8000-000000000002\","
                    + "\"proposal\":\"01936b2f-0000-7000-8000-000000000001\",\"voter\":\"" + GovernanceVotesResource.DID
                    + "\",\"choice\":\"against\",\"receivedAt\":\"2026-12-01T10:03:00Z\","
                    + "\"replaces\":\"01936b40-0000-7000-8000-000000000001\"}")}))
    @APIResponse(responseCode = "400", description = "Malformed JWS, unknown choice, another proposal, stale issuedAt",
        content = @Content(mediaType = PROBLEM, examples = {
            @ExampleObject(name = "ballot-invalid", value = """
                {"type":"https://copartner.io/problems/ballot-invalid","title":"Invalid ballot","status":400,
                 "detail":"choice must be for, against or abstain"}"""),
            @ExampleObject(name = "statement-stale", value = """
                {"type":"https://copartner.io/problems/statement-stale","title":"Signed statement issued too long ago or in the future",
                 "status":400,"detail":"issuedAt 1780000000 is more than 300 s from the server time 1780000400"}""")}))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Bad signature or kid, voter is not the caller, not eligible, "
        + "conflict of interest", content = @Content(mediaType = PROBLEM, examples = {
            @ExampleObject(name = "signature-invalid", value = """
                {"type":"https://copartner.io/problems/signature-invalid","title":"Invalid signature","status":403,
                 "detail":"the signature does not verify with the key of did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}"""),
            @ExampleObject(name = "signer-mismatch", value = """
                {"type":"https://copartner.io/problems/signer-mismatch","title":"Signer is not the caller","status":403,
                 "detail":"the ballot's voter is not the DID of the signed-in caller"}"""),
            @ExampleObject(name = "not-eligible", value = """
                {"type":"https://copartner.io/problems/not-eligible","title":"Not eligible to vote","status":403,
                 "detail":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp was not a member before the snapshot"}"""),
            @ExampleObject(name = "conflict-of-interest", value = """
                {"type":"https://copartner.io/problems/conflict-of-interest","title":"Conflict of interest","status":403,
                 "detail":"the listing's merchant cannot vote on its own listing"}""")}))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Outside the voting window, or a replayed nonce",
        content = @Content(mediaType = PROBLEM, examples = {
            @ExampleObject(name = "voting-closed", value = """
                {"type":"https://copartner.io/problems/voting-closed","title":"Voting is not open","status":409,
                 "detail":"proposal 01936b2f-0000-7000-8000-000000000001 is SUCCEEDED, not ACTIVE"}"""),
            @ExampleObject(name = "nonce-replayed", value = """
                {"type":"https://copartner.io/problems/nonce-replayed","title":"Nonce already used","status":409,
                 "detail":"the nonce was already used by did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}""")}))
    public Response cast(
        @Parameter(description = "Proposal id", example = "01936b2f-0000-7000-8000-000000000001") @PathParam("id") UUID id,
        @Valid @NotNull BallotRequest request) {
        Votes.BallotAccepted accepted = votes.castBallot(id, request.ballot(), callerDid());
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
            .entity(GovernanceJson.ballotAccepted(accepted)).build();
    }

    @PUT
    @Path("delegations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putDelegation", summary = "Delegate (or revoke) with a statement signed by the delegator's did:key",
        description = "The statement is a compact JWS with header typ copartner-delegation+jwt and payload "
            + "{\"delegator\",\"delegations\":[{\"delegate\",\"shareBps\":1..10000}],\"kinds\":[\"*\"] or kinds,"
            + "\"issuedAt\",\"nonce\"}; shares sum to at most 10000. It replaces the delegator's previous statement "
            + "entirely; an empty `delegations` list revokes. Proposals freeze the statement in force at their "
            + "snapshot; a delegator who votes overrides it for that proposal. Refusals as for ballots: 400 "
            + "delegation-invalid or statement-stale, 403 signature-invalid or signer-mismatch, 409 nonce-replayed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = DelegationRequest.class),
        examples = @ExampleObject(name = "statement", value = "{\"statement\":\"eyJhbGciOiJFZERTQSIsImtpZCI6Ii4uLiIsInR5cCI6ImNvcGFydG5lci1kZWxlZ2F0aW9uK2p3dCJ9.eyJkZWxlZ2F0b3IiOiIuLi4ifQ.c2ln\"}")))
    @APIResponse(responseCode = "200", description = "Accepted: now the delegator's statement in force",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationAcceptedDoc.class),
            examples = @ExampleObject(name = "accepted", value = "{\"delegator\":\"" + GovernanceVotesResource.DID
                + "\",\"receivedAt\":\"2026-12-01T09:00:00.5Z\"}")))
    @APIResponse(responseCode = "400", description = "Malformed statement, shares above 10000, unknown kind, stale issuedAt",
        content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "delegation-invalid", value = """
            {"type":"https://copartner.io/problems/delegation-invalid","title":"Invalid delegation statement","status":400,
             "detail":"the shares sum to 12000 basis points, more than 10000"}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Bad signature or kid, or the delegator is not the caller",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "A replayed nonce", content = @Content(mediaType = PROBLEM))
    public String delegate(@Valid @NotNull DelegationRequest request) {
        return GovernanceJson.delegationAccepted(votes.putDelegation(request.statement(), callerDid()));
    }

    private String callerDid() {
        Object did = token.getClaim("did");
        return did == null ? null : did.toString();
    }

    /** A ballot to cast. */
    @Schema(name = "BallotRequest")
    public record BallotRequest(@NotBlank @Size(max = 16_384) String ballot) {
    }

    /** A delegation statement to put in force. */
    @Schema(name = "DelegationRequest")
    public record DelegationRequest(@NotBlank @Size(max = 16_384) String statement) {
    }

    @Schema(name = "BallotAccepted")
    public record BallotAcceptedDoc(String ballotId, String proposal, String voter, String choice, String receivedAt,
                                    @Schema(nullable = true, description = "The voter's previous ballot on this proposal")
                                    String replaces) {
    }

    @Schema(name = "DelegationAccepted")
    public record DelegationAcceptedDoc(String delegator, String receivedAt) {
    }
}
