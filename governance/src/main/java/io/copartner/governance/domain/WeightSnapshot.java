package io.copartner.governance.domain;

import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proposal's frozen weights: every eligible member (sorted by DID) and the delegation statements in force at
 * {@code snapshotAt} that apply to it (in receive order). Its canonical JSON is the pinned {@code /weights} object
 * without {@code snapshotHash}; {@link #hash()} is the hex SHA-256 of it. Indexed for the tally: voter → position,
 * and per delegator the amounts floor(delegator weight × shareBps / 10000) it hands to delegates in the snapshot.
 */
public final class WeightSnapshot {

    /** One eligible member's weight. */
    public record VoterWeight(String voter, long base, int tierBps, long weight) {
    }

    /** A statement in force at the snapshot: the JWS as received, when, and what it says. */
    public record StatementInForce(String statement, Instant receivedAt, DelegationClaims claims) {
    }

    private final WeightStrategy strategy;
    private final Instant snapshotAt;
    private final List<VoterWeight> voters;
    private final List<StatementInForce> delegations;
    private final long totalEligibleWeight;
    private final Map<String, Integer> index;
    private final long[] weights;
    /** Per voter index: the delegate indexes and amounts it hands over when it does not vote (null: none). */
    private final int[][] edgeTo;
    private final long[][] edgeAmount;
    private final long[] inboundTotal;

    public WeightSnapshot(WeightStrategy strategy, Instant snapshotAt, List<VoterWeight> voters,
                          List<StatementInForce> delegations) {
        this.strategy = strategy;
        this.snapshotAt = snapshotAt;
        List<VoterWeight> sorted = new ArrayList<>(voters);
        // A stored snapshot was written sorted and comes back in that order: checking costs one pass, sorting
        // 10^6 DIDs (which share their first dozen characters) far more, on a freshly started instance's first tally.
        if (!isSorted(sorted)) {
            sorted.sort(Comparator.comparing(VoterWeight::voter));
        }
        this.voters = List.copyOf(sorted);
        this.index = new HashMap<>(sorted.size() * 2);
        this.weights = new long[sorted.size()];
        long total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            VoterWeight v = sorted.get(i);
            if (index.put(v.voter(), i) != null) {
                throw new IllegalArgumentException("voter " + v.voter() + " listed twice");
            }
            weights[i] = v.weight();
            total = Math.addExact(total, v.weight());
        }
        this.totalEligibleWeight = total;
        // Delegation never applies to QUADRATIC; only statements of eligible delegators matter.
        List<StatementInForce> kept = new ArrayList<>();
        if (strategy != WeightStrategy.QUADRATIC) {
            for (StatementInForce s : delegations) {
                if (index.containsKey(s.claims().delegator()) && !s.claims().delegations().isEmpty()) {
                    kept.add(s);
                }
            }
        }
        this.delegations = List.copyOf(kept);
        this.edgeTo = new int[sorted.size()][];
        this.edgeAmount = new long[sorted.size()][];
        this.inboundTotal = new long[sorted.size()];
        for (StatementInForce s : this.delegations) {
            int d = index.get(s.claims().delegator());
            if (edgeTo[d] != null) {
                throw new IllegalArgumentException("two statements in force for " + s.claims().delegator());
            }
            int[] to = new int[s.claims().delegations().size()];
            long[] amount = new long[to.length];
            int n = 0;
            for (DelegationClaims.Share share : s.claims().delegations()) {
                Integer u = index.get(share.delegate());
                if (u == null) {
                    continue; // a delegate outside the snapshot cannot vote, so the share is never counted
                }
                to[n] = u;
                amount[n] = WeightRules.weight(weights[d], share.shareBps());
                inboundTotal[u] = Math.addExact(inboundTotal[u], amount[n]);
                n++;
            }
            edgeTo[d] = Arrays.copyOf(to, n);
            edgeAmount[d] = Arrays.copyOf(amount, n);
        }
    }

    private static boolean isSorted(List<VoterWeight> voters) {
        for (int i = 1; i < voters.size(); i++) {
            if (voters.get(i - 1).voter().compareTo(voters.get(i).voter()) > 0) {
                return false;
            }
        }
        return true;
    }

    public WeightStrategy strategy() {
        return strategy;
    }

    public Instant snapshotAt() {
        return snapshotAt;
    }

    public List<VoterWeight> voters() {
        return voters;
    }

    public List<StatementInForce> delegations() {
        return delegations;
    }

    public long totalEligibleWeight() {
        return totalEligibleWeight;
    }

    public int size() {
        return weights.length;
    }

    /** The voter's position, or -1 when not eligible. */
    public int indexOf(String voter) {
        Integer i = index.get(voter);
        return i == null ? -1 : i;
    }

    public long weightAt(int i) {
        return weights[i];
    }

    int[] edgesTo(int i) {
        return edgeTo[i];
    }

    long[] edgeAmounts(int i) {
        return edgeAmount[i];
    }

    long inboundTotal(int i) {
        return inboundTotal[i];
    }

    /** The pinned {@code /weights} object without {@code snapshotHash}, as RFC 8785 canonical JSON. */
    public String canonicalJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("strategy", strategy.name());
        o.put("snapshotAt", instant(snapshotAt));
        o.put("totalEligibleWeight", Long.toString(totalEligibleWeight));
        List<Object> vs = new ArrayList<>(voters.size());
        for (VoterWeight v : voters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("voter", v.voter());
            m.put("base", Long.toString(v.base()));
            m.put("tierBps", v.tierBps());
            m.put("weight", Long.toString(v.weight()));
            vs.add(m);
        }
        o.put("voters", vs);
        List<Object> ds = new ArrayList<>(delegations.size());
        for (StatementInForce s : delegations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statement", s.statement());
            m.put("receivedAt", instant(s.receivedAt()));
            ds.add(m);
        }
        o.put("delegations", ds);
        return CanonicalJson.writeSimple(o).orElseThrow();
    }

    /** Hex SHA-256 of {@link #canonicalJson()}. */
    public String hash() {
        return hashOf(canonicalJson());
    }

    public static String hashOf(String canonical) {
        return Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The served {@code /weights} document: the canonical object with {@code snapshotHash} added. */
    public static String served(String canonical, String hash) {
        return "{\"snapshotHash\":\"" + hash + "\"," + canonical.substring(1);
    }

    /** ISO 8601 UTC, to the microsecond the database keeps. */
    public static String instant(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
