package io.copartner.governance.domain;

import io.copartner.governance.api.ProposalKind;
import io.copartner.kernel.encoding.DidKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payload of a delegation statement: {@code {"delegator","delegations":[{"delegate","shareBps"}],"kinds","issuedAt",
 * "nonce"}} (issue 9, pinned); header {@code typ} {@value #TYP}. An empty {@code delegations} list revokes. {@code kinds}
 * is {@code ["*"]} (every kind) or a non-empty list of kinds.
 */
public record DelegationClaims(String delegator, List<Share> delegations, Set<ProposalKind> kinds, long issuedAt,
                               String nonce) {

    public static final String TYP = "copartner-delegation+jwt";
    public static final int MAX_DELEGATES = 100;
    static final Set<String> MEMBERS = Set.of("delegator", "delegations", "kinds", "issuedAt", "nonce");

    /** One delegate and the basis points of the delegator's weight it receives. */
    public record Share(String delegate, int shareBps) {
    }

    public boolean appliesTo(ProposalKind kind) {
        return kinds.contains(kind);
    }

    /** @throws io.copartner.kernel.problem.ProblemException delegation-invalid (400) */
    public static DelegationClaims parse(Map<String, Object> header, Map<String, Object> payload) {
        if (!TYP.equals(header.get("typ"))) {
            throw VoteProblems.invalidDelegation("the JWS header typ must be " + TYP);
        }
        for (String member : payload.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw VoteProblems.invalidDelegation("unknown payload member " + member);
            }
        }
        String delegator = SignedClaims.text(payload, "delegator", VoteProblems::invalidDelegation);
        if (!(payload.get("delegations") instanceof List<?> list)) {
            throw VoteProblems.invalidDelegation("delegations must be a list (empty to revoke)");
        }
        if (list.size() > MAX_DELEGATES) {
            throw VoteProblems.invalidDelegation("at most " + MAX_DELEGATES + " delegates");
        }
        List<Share> shares = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("delegate") instanceof String delegate)
                || !(m.get("shareBps") instanceof Number n) || m.size() != 2) {
                throw VoteProblems.invalidDelegation("each delegation is {\"delegate\":\"<did>\",\"shareBps\":<1..10000>}");
            }
            double bps = n.doubleValue();
            if (bps != Math.rint(bps) || bps < 1 || bps > 10_000) {
                throw VoteProblems.invalidDelegation("shareBps must be an integer from 1 to 10000");
            }
            try {
                DidKey.parse(delegate);
            } catch (IllegalArgumentException e) {
                throw VoteProblems.invalidDelegation("delegate " + delegate + ": " + e.getMessage());
            }
            if (delegate.equals(delegator)) {
                throw VoteProblems.invalidDelegation("a member cannot delegate to themselves");
            }
            if (!seen.add(delegate)) {
                throw VoteProblems.invalidDelegation("delegate " + delegate + " is named twice");
            }
            total += (long) bps;
            shares.add(new Share(delegate, (int) bps));
        }
        if (total > 10_000) {
            throw VoteProblems.invalidDelegation("the shares sum to " + total + " basis points, more than 10000");
        }
        if (!(payload.get("kinds") instanceof List<?> kindList) || kindList.isEmpty()) {
            throw VoteProblems.invalidDelegation("kinds must be [\"*\"] or a non-empty list of proposal kinds");
        }
        Set<ProposalKind> kinds = EnumSet.noneOf(ProposalKind.class);
        if (kindList.size() == 1 && "*".equals(kindList.get(0))) {
            kinds = EnumSet.allOf(ProposalKind.class);
        } else {
            for (Object k : kindList) {
                ProposalKind kind = kind(k);
                if (kind == null || !kinds.add(kind)) {
                    throw VoteProblems.invalidDelegation("kinds must be [\"*\"] or distinct proposal kinds, not " + k);
                }
            }
        }
        long issuedAt = SignedClaims.epochSeconds(payload, "issuedAt", VoteProblems::invalidDelegation);
        String nonce = SignedClaims.nonce(payload, VoteProblems::invalidDelegation);
        return new DelegationClaims(delegator, List.copyOf(shares), kinds, issuedAt, nonce);
    }

    private static ProposalKind kind(Object k) {
        for (ProposalKind kind : ProposalKind.values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        return null;
    }
}
