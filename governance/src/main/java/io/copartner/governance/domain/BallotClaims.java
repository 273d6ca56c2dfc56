package io.copartner.governance.domain;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The payload of a ballot JWS: {@code {"proposal","choice","voter","issuedAt","nonce"}} (issue 9, pinned); header
 * {@code typ} {@value #TYP}.
 */
public record BallotClaims(UUID proposal, Choice choice, String voter, long issuedAt, String nonce) {

    public static final String TYP = "copartner-ballot+jwt";
    static final Set<String> MEMBERS = Set.of("proposal", "choice", "voter", "issuedAt", "nonce");

    /** @throws io.copartner.kernel.problem.ProblemException ballot-invalid (400) */
    public static BallotClaims parse(Map<String, Object> header, Map<String, Object> payload, UUID expectedProposal) {
        if (!TYP.equals(header.get("typ"))) {
            throw VoteProblems.invalidBallot("the JWS header typ must be " + TYP);
        }
        for (String member : payload.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw VoteProblems.invalidBallot("unknown payload member " + member);
            }
        }
        String proposal = SignedClaims.text(payload, "proposal", VoteProblems::invalidBallot);
        UUID id;
        try {
            id = UUID.fromString(proposal);
        } catch (IllegalArgumentException e) {
            throw VoteProblems.invalidBallot("proposal must be a proposal id");
        }
        if (!id.equals(expectedProposal) || !id.toString().equals(proposal.toLowerCase())) {
            throw VoteProblems.invalidBallot("the ballot is for proposal " + proposal + ", not " + expectedProposal);
        }
        Choice choice = Choice.ofWire(payload.get("choice"));
        if (choice == null) {
            throw VoteProblems.invalidBallot("choice must be for, against or abstain");
        }
        String voter = SignedClaims.text(payload, "voter", VoteProblems::invalidBallot);
        long issuedAt = SignedClaims.epochSeconds(payload, "issuedAt", VoteProblems::invalidBallot);
        String nonce = SignedClaims.nonce(payload, VoteProblems::invalidBallot);
        return new BallotClaims(id, choice, voter, issuedAt, nonce);
    }
}
