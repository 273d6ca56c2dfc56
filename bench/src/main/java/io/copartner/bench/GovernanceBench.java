package io.copartner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * v. Governance through the public contract: Ed25519 and ES256K verifications/s ({@link SignatureBench}: the JDK's,
 * BouncyCastle's, and what identity's check costs; the limit of any ballot check),
 * signed ballots accepted/s over REST with {@code --threads} concurrent voters (each a did:key partner, ballots
 * pre-signed before the timing; every voter re-votes, so most ballots replace an earlier one), and a ballot listing
 * of {@code --ballots} ballots paged through. The platform must run with a short voting delay and a voting period
 * long enough for the whole section ({@code ./copartner bench} sets both).
 */
final class GovernanceBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1/governance";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformBench bench;
    private final PlatformBench.Options options;
    private final List<PlatformBench.Row> rows;
    private final Load.Result getBaseline;

    GovernanceBench(PlatformBench bench, PlatformBench.Options options, List<PlatformBench.Row> rows,
                    Load.Result getBaseline) {
        this.bench = bench;
        this.options = options;
        this.rows = rows;
        this.getBaseline = getBaseline;
    }

    void run() throws Exception {
        ed25519Verifications();
        int voters = options.threads();
        System.out.printf("[bench] v. %d voters sign in (Ed25519 did:key) and become members ...%n", voters);
        List<DidSignIn> wallets = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            DidSignIn w = new DidSignIn();
            String token = bench.signIn(w);
            expect(bench.get("/api/v1/me", token), 200, "GET /api/v1/me");
            wallets.add(w);
            tokens.add(token);
        }
        String admin = bench.token("admin", "admin");
        JsonNode proposal = JSON.readTree(expect(bench.post(API + "/proposals", admin, UUID.randomUUID().toString(),
            "{\"kind\":\"GENERAL\",\"title\":\"bench\",\"description\":\"PlatformBench ballots\"}"), 201,
            "POST proposals").body());
        String id = proposal.path("id").asText();
        Instant start = Instant.parse(proposal.path("votingStartsAt").asText());
        Instant end = Instant.parse(proposal.path("votingEndsAt").asText());
        if (Duration.between(Instant.now(), start).toSeconds() > 120) {
            rows.add(new PlatformBench.Row("v", "signed ballots accepted/s via REST", "skipped",
                "voting starts at " + start + ": set COPARTNER_GOVERNANCE_VOTING_DELAY_SECONDS (./copartner bench does)"));
            return;
        }
        awaitActive(id, start);

        // Pre-signed before the timing: enough for 3,000 ballots/s per the whole load; a voter that runs out signs
        // on the fly (said in the note).
        int perVoter = (int) Math.max(1000, 3000L * (options.seconds() + (long) options.warmup()) / voters);
        String[][] signed = new String[voters][perVoter];
        long t0 = System.nanoTime();
        // Stamped 200 s ahead (the contract allows ±300 s), so they stay fresh for 500 s after signing starts even
        // when pre-signing a loaded machine takes minutes (a 260 s pre-signing once made the load's ballots stale).
        long issuedAt = Instant.now().getEpochSecond() + 200;
        for (int v = 0; v < voters; v++) {
            for (int k = 0; k < perVoter; k++) {
                signed[v][k] = ballot(wallets.get(v), id, k, issuedAt);
            }
        }
        System.out.printf(Locale.ROOT, "[bench]    pre-signed %,d ballots in %.1f s%n", (long) voters * perVoter,
            (System.nanoTime() - t0) / 1e9);
        AtomicLong accepted = new AtomicLong();
        AtomicLong signedOnTheFly = new AtomicLong();
        String load1 = PlatformBench.loadAverage();
        Load.Result r = Load.run("ballots", voters, options.warmup(), options.seconds(), thread -> {
            int[] next = {0};
            return () -> {
                String jws;
                if (next[0] < perVoter) {
                    jws = signed[thread][next[0]++];
                } else {
                    jws = ballot(wallets.get(thread), id, next[0]++, Instant.now().getEpochSecond());
                    signedOnTheFly.incrementAndGet();
                }
                expect(bench.post(API + "/proposals/" + id + "/ballots", tokens.get(thread), null,
                    "{\"ballot\":\"" + jws + "\"}"), 201, "POST ballot");
                accepted.incrementAndGet();
            };
        });
        PlatformBench.report(r, "ballots");
        rows.add(new PlatformBench.Row("v", "signed ballots accepted/s via REST (" + voters + " voters re-voting on "
            + "one proposal, pre-signed)", PlatformBench.fmt(r.perSecond()),
            (getBaseline == null ? "" : String.format(Locale.ROOT, "%.0f %% of the no-op GET; ",
                100 * r.perSecond() / getBaseline.perSecond())) + "goal >= 2,000/s and >= 50 %", r.perSecond()));
        rows.add(new PlatformBench.Row("v", "  request latency p50 / p99",
            PlatformBench.ms(r.percentileMillis(50)) + " / " + PlatformBench.ms(r.percentileMillis(99)),
            r.errors() + " errors" + (r.firstError() == null ? "" : " (first: " + r.firstError() + ")")
                + "; signed on the fly " + signedOnTheFly.get() + "; load avg " + load1 + " -> "
                + PlatformBench.loadAverage()));

        // Top up to --ballots over REST (signing on the fly; not a measured figure), then page through.
        long t1 = System.nanoTime();
        topUp(id, wallets, tokens, accepted, end);
        System.out.printf(Locale.ROOT, "[bench]    %,d ballots on the proposal (%.1f s to top up)%n", accepted.get(),
            (System.nanoTime() - t1) / 1e9);
        page(id, accepted.get());
    }

    private void ed25519Verifications() throws Exception {
        // One thread, in turns against the JDK's in the same run (SignatureBench), then the JDK's on every core.
        List<SignatureBench.Figure> figures = SignatureBench.run(1, 3);
        double jdk = figures.get(0).perSecond();
        for (SignatureBench.Figure f : figures) {
            rows.add(new PlatformBench.Row("v", f.name() + ", 1 thread", PlatformBench.fmt(f.perSecond()),
                String.format(Locale.ROOT, "x %.2f of the JDK's", f.perSecond() / jdk), f.perSecond()));
        }
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] input = new byte[300]; // about a ballot's signing input
        RANDOM.nextBytes(input);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(input);
        byte[] sig = signer.sign();
        int threads = Runtime.getRuntime().availableProcessors();
        Load.Result r = Load.run("ed25519", threads, 1, 3, t -> {
            Signature s = Signature.getInstance("Ed25519");
            return () -> {
                s.initVerify(keys.getPublic());
                s.update(input);
                if (!s.verify(sig)) {
                    throw new IllegalStateException("does not verify");
                }
            };
        });
        rows.add(new PlatformBench.Row("v", "JDK Ed25519 verifications/s (" + threads + " threads, 300-byte input)",
            PlatformBench.fmt(r.perSecond()), "", r.perSecond()));
    }

    private void topUp(String id, List<DidSignIn> wallets, List<String> tokens, AtomicLong accepted, Instant end)
        throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(wallets.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int v = 0; v < wallets.size(); v++) {
                int voter = v;
                futures.add(pool.submit(() -> {
                    int k = 1_000_000;
                    while (accepted.get() < options.ballots() && Instant.now().isBefore(end.minusSeconds(5))) {
                        String jws = ballot(wallets.get(voter), id, k++, Instant.now().getEpochSecond());
                        expect(bench.post(API + "/proposals/" + id + "/ballots", tokens.get(voter), null,
                            "{\"ballot\":\"" + jws + "\"}"), 201, "POST ballot");
                        accepted.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void page(String id, long expected) throws Exception {
        for (int limit : new int[] {1000, 100}) {
            HttpResponse<String> probe = bench.get(API + "/proposals/" + id + "/ballots?limit=" + limit);
            if (probe.statusCode() != 200) {
                System.out.printf("[bench]    limit=%d refused (%d), trying a smaller page%n", limit, probe.statusCode());
                continue;
            }
            List<Long> latencies = new ArrayList<>();
            long items = 0;
            String cursor = null;
            long t0 = System.nanoTime();
            do {
                String path = API + "/proposals/" + id + "/ballots?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                long s = System.nanoTime();
                JsonNode pageJson = JSON.readTree(expect(bench.get(path), 200, "GET ballots").body());
                latencies.add(System.nanoTime() - s);
                items += pageJson.path("items").size();
                JsonNode next = pageJson.path("next");
                cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
            } while (cursor != null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            rows.add(new PlatformBench.Row("v", String.format(Locale.ROOT,
                    "ballot listing paged through: %,d ballots, %,d pages of %d, one client", items, lat.length, limit),
                String.format(Locale.ROOT, "%.2f s", seconds),
                String.format(Locale.ROOT, "%,.0f ballots/s; page p50 / p99 %s / %s%s", items / seconds,
                    PlatformBench.ms(PlatformBench.pct(lat, 50)), PlatformBench.ms(PlatformBench.pct(lat, 99)),
                    items == expected ? "" : "; expected " + expected + " (MISMATCH)")));
            return;
        }
    }

    private void awaitActive(String id, Instant start) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos()
            + Math.max(0, Duration.between(Instant.now(), start).toNanos());
        while (System.nanoTime() < deadline) {
            JsonNode p = JSON.readTree(expect(bench.get(API + "/proposals/" + id), 200, "GET proposal").body());
            if ("ACTIVE".equals(p.path("state").asText())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("proposal " + id + " not ACTIVE after its voting delay");
    }

    /** The k-th ballot of a voter: alternating choices, a fresh nonce, the given issuedAt (epoch seconds). */
    private static String ballot(DidSignIn w, String proposal, int k, long issuedAt) throws Exception {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String choice = switch (k % 3) {
            case 0 -> "for";
            case 1 -> "against";
            default -> "abstain";
        };
        return w.jws("copartner-ballot+jwt", "{\"proposal\":\"" + proposal + "\",\"choice\":\"" + choice
            + "\",\"voter\":\"" + w.did + "\",\"issuedAt\":" + issuedAt + ",\"nonce\":\""
            + HexFormat.of().formatHex(nonce) + "\"}");
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
