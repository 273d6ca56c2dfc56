package io.copartner.economy.settlement;

import io.copartner.governance.api.ContributionWeights;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy's contribution weights as a close applies them: weight = max(0, spend × spendBps + referrals ×
 * referralsBps + coCreation × coCreationBps) / divisor, the divisor being the factors' greatest common divisor. A
 * common factor changes no share (floors and the order of remainders are the same), and dividing it out keeps the
 * seed (10000, 10000, 0) exactly the spend + referrals weights of before, in the same units. Exact: each product is a
 * multiple of the divisor.
 */
public record WeightFactors(int spendBps, int referralsBps, int coCreationBps) {

    /** Spend plus referrals: the seed's, and what every pool allocated before the factors were governed used. */
    public static final WeightFactors DEFAULT = new WeightFactors(10_000, 10_000, 0);

    public WeightFactors {
        if (spendBps < 0 || referralsBps < 0 || coCreationBps < 0 || spendBps + referralsBps + coCreationBps == 0) {
            throw new IllegalArgumentException("contribution weights " + spendBps + "/" + referralsBps + "/"
                + coCreationBps + " are not 0..10000 and not all 0");
        }
    }

    public static WeightFactors of(ContributionWeights w) {
        return w == null ? DEFAULT : new WeightFactors(w.spendBps(), w.referralsBps(), w.coCreationBps());
    }

    public int divisor() {
        return gcd(gcd(spendBps, referralsBps), coCreationBps);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The weight of a weight row as an SQL expression (exact numeric). The factors are validated ints of our own
     * record, so they are written into the statement as literals instead of shifting every bound parameter's index.
     */
    String sql() {
        int d = divisor();
        return "(spend::numeric * " + spendBps / d + " + referrals::numeric * " + referralsBps / d
            + " + co_creation::numeric * " + coCreationBps / d + ")";
    }

    public BigInteger weight(long spend, long referrals, long coCreation) {
        int d = divisor();
        BigInteger w = BigInteger.valueOf(spend).multiply(BigInteger.valueOf(spendBps / d))
            .add(BigInteger.valueOf(referrals).multiply(BigInteger.valueOf(referralsBps / d)))
            .add(BigInteger.valueOf(coCreation).multiply(BigInteger.valueOf(coCreationBps / d)));
        return w.max(BigInteger.ZERO);
    }

    /** The formula with this policy's numbers, for statements. */
    public String formula() {
        return "myWeight = max(0, mySpend × " + spendBps + " + myReferrals × " + referralsBps + " + myCoCreation × "
            + coCreationBps + ") / " + divisor() + " (the policy's contribution weights in bps, divided by their "
            + "greatest common divisor, which changes no share)";
    }

    /** For the {@code economy.settlement.allocated} entry: a reader recomputes every weight from these. */
    public Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spendBps", spendBps);
        m.put("referralsBps", referralsBps);
        m.put("coCreationBps", coCreationBps);
        m.put("divisor", divisor());
        m.put("formula", "weight = max(0, spend × spendBps + referrals × referralsBps + coCreation × coCreationBps) "
            + "/ divisor");
        return m;
    }
}
