package io.copartner.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A third party's recomputation of a proposal's tally from the public endpoints alone (no token), by the rule the
 * governance contract pins, with its own signature checks (DidJws) and its own RFC 8785 (Jcs):
 * <ul>
 * <li>the counted ballot of a voter is their last accepted ballot received strictly before {@code votingEndsAt};</li>
 * <li>effective weight = own {@code weight} (if they voted) + for each delegator who did not vote and whose statement
 * applies (kind in {@code kinds} or {@code ["*"]}), floor(delegator weight × shareBps / 10000) per delegation naming
 * them; not transitive; never for {@code QUADRATIC};</li>
 * <li>for/against/abstain = sums of effective weights by choice; quorum: (for + abstain) × 10000 ≥ total ×
 * quorumBps; succeeded: quorum and for × 10000 &gt; (for + against) × thresholdBps;</li>
 * <li>ballotsHash = SHA-256 hex of the canonical JSON array of the accepted ballots' JWS in receive order;
 * snapshotHash = SHA-256 hex of the canonical /weights object without its snapshotHash.</li>
 * </ul>
 */
final class Recount {

    static final String BASE = "/api/v1/governance";

    /** The listing as published: every accepted ballot in receive order. */
    record Ballot(String ballotId, String jws, Instant receivedAt, boolean counted, Long auditIndex, String voter,
                  String choice) {
    }

    record Result(BigInteger forWeight, BigInteger against, BigInteger abstain, BigInteger totalEligibleWeight,
                  boolean quorumReached, boolean succeeded, String ballotsHash, String snapshotHash,
                  String servedSnapshotHash, Set<String> countedBallotIds, List<Ballot> ballots) {
    }

    private Recount() {
    }

    static Result of(String proposalId) {
        JsonNode proposal = Jcs.parse(given().when().get(BASE + "/proposals/" + proposalId)
            .then().statusCode(200).extract().asString());
        JsonNode weights = Jcs.parse(given().when().get(BASE + "/proposals/" + proposalId + "/weights")
            .then().statusCode(200).extract().asString());
        return of(proposal, weights, ballots(proposalId, 50));
    }

    /** Every page of the ballot listing, {@code limit} at a time, following {@code next} until null. */
    static List<Ballot> ballots(String proposalId, int limit) {
        List<Ballot> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().queryParam("limit", limit);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonNode page = Jcs.parse(req.when().get(BASE + "/proposals/" + proposalId + "/ballots")
                .then().statusCode(200).extract().asString());
            for (JsonNode b : page.get("items")) {
                String jws = b.get("ballot").asText();
                JsonNode p = DidJws.payloadOf(jws);
                JsonNode idx = b.get("auditIndex");
                all.add(new Ballot(b.get("ballotId").asText(), jws, Instant.parse(b.get("receivedAt").asText()),
                    b.get("counted").asBoolean(), idx == null || idx.isNull() ? null : idx.asLong(),
                    p.path("voter").asText(), p.path("choice").asText()));
            }
            JsonNode next = page.get("next");
            cursor = next == null || next.isNull() ? null : next.asText();
            if (++pages > 10_000) {
                throw new AssertionError("the ballot listing does not end");
            }
        } while (cursor != null);
        return all;
    }

    static Result of(JsonNode proposal, JsonNode weights, List<Ballot> ballots) {
        String id = proposal.get("id").asText();
        String kind = proposal.get("kind").asText();
        String strategy = weights.get("strategy").asText();
        Instant end = Instant.parse(proposal.get("votingEndsAt").asText());
        long quorumBps = proposal.get("quorumBps").asLong();
        long thresholdBps = proposal.get("thresholdBps").asLong();

        // Weights: every eligible member, weight = floor(base × tierBps / 10000).
        Map<String, BigInteger> weight = new HashMap<>();
        BigInteger sumOfWeights = BigInteger.ZERO;
        for (JsonNode v : weights.get("voters")) {
            BigInteger base = new BigInteger(v.get("base").asText());
            BigInteger w = new BigInteger(v.get("weight").asText());
            BigInteger expected = base.multiply(BigInteger.valueOf(v.get("tierBps").asLong()))
                .divide(BigInteger.valueOf(10000));
            if (!expected.equals(w)) {
                throw new AssertionError("weight of " + v + " is not floor(base × tierBps / 10000)");
            }
            if (weight.put(v.get("voter").asText(), w) != null) {
                throw new AssertionError("voter listed twice in /weights: " + v);
            }
            sumOfWeights = sumOfWeights.add(w);
        }
        BigInteger total = new BigInteger(weights.get("totalEligibleWeight").asText());
        if (!total.equals(sumOfWeights)) {
            throw new AssertionError("totalEligibleWeight " + total + " is not the sum of the weights " + sumOfWeights);
        }

        // Ballots: each one verified; the counted one per voter is the last received strictly before the end.
        Map<String, Ballot> counted = new LinkedHashMap<>();
        Instant previous = Instant.MIN;
        List<String> jwsInOrder = new ArrayList<>();
        for (Ballot b : ballots) {
            DidJws.Verified v = DidJws.verify(b.jws(), b.voter(), "copartner-ballot+jwt");
            if (!id.equals(v.payload().path("proposal").asText())) {
                throw new AssertionError("a listed ballot is for another proposal: " + b);
            }
            if (!Set.of("for", "against", "abstain").contains(b.choice())) {
                throw new AssertionError("a listed ballot has an unknown choice: " + b);
            }
            if (!weight.containsKey(b.voter())) {
                throw new AssertionError("a listed ballot is by a voter not in the snapshot: " + b);
            }
            if (b.receivedAt().isBefore(previous)) {
                throw new AssertionError("the listing is not in receive order at " + b);
            }
            previous = b.receivedAt();
            jwsInOrder.add(b.jws());
            if (b.receivedAt().isBefore(end)) {
                counted.put(b.voter(), b);
            }
        }

        // Delegations in force at the snapshot, each verified.
        Map<String, BigInteger> effective = new HashMap<>();
        for (String voter : counted.keySet()) {
            effective.put(voter, weight.get(voter));
        }
        Set<String> delegators = new HashSet<>();
        if (!"QUADRATIC".equals(strategy)) {
            for (JsonNode d : weights.get("delegations")) {
                String jws = d.get("statement").asText();
                String delegator = DidJws.payloadOf(jws).path("delegator").asText();
                JsonNode p = DidJws.verify(jws, delegator, "copartner-delegation+jwt").payload();
                if (!delegators.add(delegator)) {
                    throw new AssertionError("two statements in force for " + delegator);
                }
                if (counted.containsKey(delegator) || !applies(p.get("kinds"), kind)) {
                    continue; // voting directly overrides the delegation
                }
                BigInteger dw = weight.getOrDefault(delegator, BigInteger.ZERO);
                for (JsonNode share : p.get("delegations")) {
                    String delegate = share.get("delegate").asText();
                    if (effective.containsKey(delegate)) {
                        effective.merge(delegate, dw.multiply(BigInteger.valueOf(share.get("shareBps").asLong()))
                            .divide(BigInteger.valueOf(10000)), BigInteger::add);
                    }
                }
            }
        }
        BigInteger f = BigInteger.ZERO;
        BigInteger a = BigInteger.ZERO;
        BigInteger s = BigInteger.ZERO;
        for (Ballot b : counted.values()) {
            BigInteger w = effective.get(b.voter());
            switch (b.choice()) {
                case "for" -> f = f.add(w);
                case "against" -> a = a.add(w);
                default -> s = s.add(w);
            }
        }
        BigInteger tenK = BigInteger.valueOf(10000);
        boolean quorum = f.add(s).multiply(tenK).compareTo(total.multiply(BigInteger.valueOf(quorumBps))) >= 0;
        boolean succeeded = quorum && f.multiply(tenK).compareTo(f.add(a).multiply(BigInteger.valueOf(thresholdBps))) > 0;

        ObjectNode unhashed = ((ObjectNode) weights).deepCopy();
        unhashed.remove("snapshotHash");
        Set<String> countedIds = new HashSet<>();
        counted.values().forEach(b -> countedIds.add(b.ballotId()));
        return new Result(f, a, s, total, quorum, succeeded, Jcs.sha256Hex(Jcs.stringArray(jwsInOrder)),
            Jcs.sha256Hex(Jcs.canonical(unhashed)), weights.path("snapshotHash").asText(), countedIds, ballots);
    }

    private static boolean applies(JsonNode kinds, String kind) {
        for (JsonNode k : kinds) {
            if ("*".equals(k.asText()) || kind.equals(k.asText())) {
                return true;
            }
        }
        return false;
    }
}
