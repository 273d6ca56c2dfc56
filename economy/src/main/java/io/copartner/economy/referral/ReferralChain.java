package io.copartner.economy.referral;

import io.copartner.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who earns on a sale that came through a share link (issue 12 item 1). Level 1 is the link's owner; level k+1 is
 * the referrer of level k in the graph (a partner's referrer is fixed by the partner's first attributed purchase).
 * Levels stop at the cap (the policy's level count, at most the governed cap, never above {@link #HARD_CAP}: a
 * deeper policy is refused, because three levels and more is what Chinese law treats as a pyramid).
 *
 * <p>Refused outright (the sale stays unattributed): a link the buyer owns (no commission on one's own purchase),
 * and a first purchase that would make the buyer's referrer someone the buyer already refers, directly or not (the
 * new edge would close a cycle). The buyer never appears in their own chain: a walk stops before reaching them.
 */
public final class ReferralChain {

    public static final int HARD_CAP = 3;

    /** The outcome: the earners by level (index 0 = level 1), or the reason the attribution was refused. */
    public record Attribution(List<String> levels, String refused, boolean newEdge) {

        public static Attribution refused(String reason) {
            return new Attribution(List.of(), reason, false);
        }

        public boolean attributed() {
            return refused == null;
        }
    }

    private ReferralChain() {
    }

    /**
     * @param buyer      the buyer's party id
     * @param linkOwner  the share link's owner
     * @param referrerOf the graph: a partner's referrer, if any
     * @param levels     the number of paid levels (the policy's rates, capped by governance)
     */
    public static Attribution attribute(String buyer, String linkOwner, Function<String, Optional<String>> referrerOf,
                                        int levels) {
        requireCap(levels);
        if (buyer.equals(linkOwner)) {
            return Attribution.refused("self-referral");
        }
        Optional<String> buyersReferrer = referrerOf.apply(buyer);
        boolean newEdge = buyersReferrer.isEmpty();
        // The owner's upline, walked with a visited set so even a corrupt graph cannot loop.
        Set<String> upline = new LinkedHashSet<>();
        String at = linkOwner;
        while (at != null && upline.add(at) && upline.size() <= 64) {
            at = referrerOf.apply(at).orElse(null);
        }
        if (newEdge && upline.contains(buyer)) {
            return Attribution.refused("cycle");
        }
        List<String> chain = new ArrayList<>();
        for (String p : upline) {
            if (chain.size() == levels || p.equals(buyer)) {
                break;
            }
            chain.add(p);
        }
        return new Attribution(List.copyOf(chain), null, newEdge);
    }

    /** The paid level count: the policy's rates, cut to the governed cap; a cap above three is refused. */
    public static int paidLevels(int policyLevels, Integer governedCap) {
        int cap = governedCap == null ? 2 : governedCap;
        requireCap(cap);
        requireCap(policyLevels);
        return Math.min(policyLevels, cap);
    }

    static void requireCap(int levels) {
        if (levels < 0 || levels > HARD_CAP) {
            throw ProblemException.conflict("a referral chain of " + levels + " levels is refused: at most "
                + HARD_CAP + " levels are ever paid");
        }
    }
}
