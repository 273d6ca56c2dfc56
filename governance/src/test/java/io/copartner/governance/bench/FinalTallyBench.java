package io.copartner.governance.bench;

import io.copartner.governance.Wallet;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.domain.BallotClaims;
import io.copartner.governance.domain.BallotsHash;
import io.copartner.governance.domain.Choice;
import io.copartner.governance.domain.DelegationClaims;
import io.copartner.governance.domain.TallyRule;
import io.copartner.governance.domain.WeightSnapshot;
import io.copartner.identity.did.DidKeyJws;
import io.copartner.kernel.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Figures, never assertions (DESIGN.md §6): the final tally's computation for 10^6 ballots with 10^5 delegation
 * statements in force (snapshot indexing, one pass over the ballots in receive order hashing every JWS, the
 * recomputation rule), and the signature checks that bound ballots/s: JDK Ed25519 verifications/s (the baseline),
 * identity's FastEd25519, and whole ballot JWS checks (parse + did:key + verify) for EdDSA and ES256K, with ratios.
 * The database read of the ballots is not in here: {@code service.FinalTallyPostgresBench} times the whole final
 * tally on PostgreSQL.
 * Run: {@code java -cp governance/target/test-classes:governance/target/classes:<test class path>
 * io.copartner.governance.bench.FinalTallyBench [ballots] [delegations]}.
 */
public final class FinalTallyBench {

    private FinalTallyBench() {
    }

    public static void main(String[] args) throws Exception {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int delegations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        signatures();
        for (int round = 1; round <= 2; round++) {
            tally(ballots, delegations, round);
        }
    }

    static void tally(int ballots, int delegations, int round) {
        SplittableRandom random = new SplittableRandom(round);
        int members = ballots + delegations; // voters, plus delegators who do not vote
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        List<WeightSnapshot.VoterWeight> voters = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            long base = 1 + random.nextInt(10_000);
            voters.add(new WeightSnapshot.VoterWeight(did(i), base, 12_500, base * 12_500 / 10_000));
        }
        List<WeightSnapshot.StatementInForce> statements = new ArrayList<>(delegations);
        for (int d = 0; d < delegations; d++) {
            List<DelegationClaims.Share> shares = List.of(
                new DelegationClaims.Share(did(random.nextInt(ballots)), 6000),
                new DelegationClaims.Share(did(random.nextInt(ballots)), 3333));
            statements.add(new WeightSnapshot.StatementInForce("statement" + d, at.minusSeconds(d),
                new DelegationClaims(did(ballots + d), shares, EnumSet.allOf(ProposalKind.class), 0, "n")));
        }
        String jwsBody = "x".repeat(330); // a ballot JWS is ~350 characters
        String[] jws = new String[ballots];
        String[] voterOf = new String[ballots];
        Choice[] choiceOf = new Choice[ballots];
        for (int i = 0; i < ballots; i++) {
            jws[i] = "eyJhbGciOiJFZERTQSJ9." + jwsBody + i;
            voterOf[i] = did(i);
            choiceOf[i] = Choice.values()[random.nextInt(3)];
        }
        System.gc(); // the fixture's garbage and promotion are not the tally's
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        WeightSnapshot snapshot = new WeightSnapshot(WeightStrategy.CAPPED_CONTRIBUTION, at, voters, statements);
        long t1 = System.nanoTime();
        byte[] choices = new byte[snapshot.size()];
        BallotsHash hash = new BallotsHash();
        for (int i = 0; i < ballots; i++) {
            hash.add(jws[i]);
            int v = snapshot.indexOf(voterOf[i]);
            if (v >= 0) {
                choices[v] = TallyRule.code(choiceOf[i]);
            }
        }
        String ballotsHash = hash.hex();
        TallyRule.Totals totals = TallyRule.compute(snapshot, choices);
        long t2 = System.nanoTime();
        System.out.printf("final tally round %d: %,d ballots, %,d delegations: snapshot index %.2f s, "
                + "pass over ballots (hash + rule) %.2f s, total %.2f s (GC %d ms) [for %d, ballotsHash %s…]; "
                + "load avg %.1f%n", round, ballots, delegations, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
            gcMillis() - gc0, totals.forWeight(), ballotsHash.substring(0, 8),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static long gcMillis() {
        long sum = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    static String did(int i) {
        return "did:key:z6Mk" + String.format("%044d", i);
    }

    static void signatures() {
        Wallet ed = Wallet.ed25519();
        Wallet k1 = Wallet.secp256k1();
        byte[] message = "eyJhbGciOiJFZERTQSJ9.eyJwcm9wb3NhbCI6IngifQ".getBytes(StandardCharsets.US_ASCII);
        // A raw Ed25519 check through the JDK (the kernel's one EdDSA verify)
        byte[] seed = new byte[32];
        new SplittableRandom(1).nextBytes(seed);
        var priv = Ed25519.privateKey(seed);
        byte[] pubRaw = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pubRaw, 0);
        var pub = Ed25519.publicKey(pubRaw);
        byte[] sig = Ed25519.sign(priv, message);
        double jdk = rate("JDK Ed25519 verifications/s (1 thread; the baseline)", () -> Ed25519.verify(pub, message, sig), 0);
        rate("identity's FastEd25519 verifications/s (1 thread)",
            () -> io.copartner.identity.credential.FastEd25519.verify(pubRaw, message, sig), jdk);
        UUID p = UUID.randomUUID();
        String edBallot = ed.sign(BallotClaims.TYP, payload(p, ed.did()));
        String k1Ballot = k1.sign(BallotClaims.TYP, payload(p, k1.did()));
        rate("EdDSA ballot JWS checks/s (parse + did:key + verify, 1 thread)", () -> DidKeyJws.verify(edBallot) != null,
            jdk);
        rate("ES256K ballot JWS checks/s (parse + did:key + verify, 1 thread)", () -> DidKeyJws.verify(k1Ballot) != null,
            jdk);
    }

    static Map<String, Object> payload(UUID p, String voter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposal", p.toString());
        m.put("choice", "for");
        m.put("voter", voter);
        m.put("issuedAt", 1_780_000_000L);
        m.put("nonce", "0123456789abcdef");
        return m;
    }

    static double rate(String name, java.util.function.BooleanSupplier op, double baseline) {
        for (int i = 0; i < 2000; i++) {
            op.getAsBoolean(); // warm-up
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + 3_000_000_000L;
        while (System.nanoTime() < end) {
            if (!op.getAsBoolean()) {
                throw new IllegalStateException(name + ": a check failed");
            }
            n++;
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%s: %,.0f%s%n", name, perSecond,
            baseline > 0 ? String.format(" (x %.2f of the JDK's)", perSecond / baseline) : "");
        return perSecond;
    }
}
