package io.copartner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The partnership economy through the public contract.
 * <ul>
 * <li>r. Commission per completed order: a 2-level referral chain (the upline's share link made the seller's first
 * purchase, so the upline is the seller's referrer; buyers come through the seller's link: level 1 the seller, level 2
 * the upline). Each of {@code --threads} did:key buyers loops checkout (with the link's cookie) → shipment (merchant) →
 * delivery → completion; the completion is the release, in whose transaction the commissions are computed and posted.
 * Its p50/p99, and the same loop without a referral for comparison.</li>
 * <li>x. Points-exchange quotes/s: a governed exchange rate between two brands (a REVENUE_POLICY proposal voted,
 * queued, executed, in force from the next settlement period), {@code --threads} partners holding points of the first
 * brand each asking {@code POST /api/v1/points/exchanges/quotes} in a closed loop.</li>
 * </ul>
 * Printed, never asserted.
 */
final class EconomyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOV = "/api/v1/governance";
    static final long PRICE = 10_000;

    private final PlatformBench bench;
    private final PlatformBench.Options options;
    private final List<PlatformBench.Row> rows;
    private final Load.Result getBaseline;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Shop shop;

    EconomyBench(PlatformBench bench, PlatformBench.Options options, List<PlatformBench.Row> rows,
                 Load.Result getBaseline, String baseUrl) {
        this.bench = bench;
        this.options = options;
        this.rows = rows;
        this.getBaseline = getBaseline;
        this.baseUrl = baseUrl;
    }

    /** A verified merchant and one product of it with a huge stock. */
    record Shop(String merchantId, String token, String product) {
    }

    Shop shop() throws Exception {
        if (shop == null) {
            shop = newShop();
        }
        return shop;
    }

    private Shop newShop() throws Exception {
        String admin = bench.token("admin", "admin");
        String user = "bench-econ-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        JsonNode m = JSON.readTree(expect(bench.post("/api/v1/admin/merchants", admin, UUID.randomUUID().toString(),
            "{\"name\":\"Bench shop " + user + "\",\"businessLicence\":\"91310000MA1FL0001X\",\"contactEmail\":\""
                + user + "@shops.example\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"),
            201, "create merchant").body());
        expect(bench.post("/api/v1/admin/merchants/" + m.path("id").asText() + "/verification", admin, null, "{}"),
            200, "verify merchant");
        String token = bench.token(user, password);
        String product = JSON.readTree(expect(bench.post("/api/v1/products", token, UUID.randomUUID().toString(),
            "{\"gtin\":\"" + CommerceBench.gtin() + "\",\"name\":\"Bench tea\",\"description\":\"bench\","
                + "\"category\":\"tea\",\"mediaUrls\":[],\"stock\":100000000,\"prices\":[{\"currency\":\"CNY\","
                + "\"amount\":" + PRICE + "}]}"), 201, "create product").body()).path("id").asText();
        return new Shop(m.path("id").asText(), token, product);
    }

    /** A new did:key partner with a funded CNY wallet (top-up through the sandbox provider's signed webhook). */
    String fundedPartner() throws Exception {
        String token = bench.signIn(new DidSignIn());
        String topUp = JSON.readTree(expect(bench.post("/api/v1/wallet/top-ups", token, UUID.randomUUID().toString(),
            "{\"currency\":\"CNY\",\"amount\":10000000000}"), 201, "top-up").body()).path("id").asText();
        JsonNode hook = JSON.readTree(expect(bench.post("/api/v1/wallet/top-ups/" + topUp + "/sandbox-confirmation",
            token, null, "{}"), 200, "sandbox confirmation").body());
        expect(bench.webhook(hook.path("path").asText(), hook.path("signature").asText(), hook.path("body").asText()),
            200, "webhook");
        return token;
    }

    /** {@code count} completed orders of fresh funded partners at {@code s}; their tokens. */
    List<String> completedOrders(int count, Shop s) throws Exception {
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String buyer = fundedPartner();
            order(buyer, s, null);
            buyers.add(buyer);
        }
        return buyers;
    }

    /** One order from checkout to completion; the nanoseconds of the completion (the release) call. */
    long order(String buyer, Shop s, String cookie) throws Exception {
        String cart = "{\"currency\":\"CNY\",\"lines\":[{\"productId\":\"" + s.product() + "\",\"quantity\":1}]}";
        String order = JSON.readTree(expect(send("/api/v1/checkouts", buyer, cart, cookie), 201, "checkout").body())
            .path("orders").path(0).path("id").asText();
        expect(send("/api/v1/orders/" + order + "/shipment", s.token(), "{\"carrier\":\"SF Express\","
            + "\"trackingNumber\":\"SF" + System.nanoTime() + "\"}", null), 200, "shipment");
        expect(send("/api/v1/orders/" + order + "/delivery", buyer, "{}", null), 200, "delivery");
        long t = System.nanoTime();
        expect(send("/api/v1/orders/" + order + "/completion", buyer, "{}", null), 200, "completion");
        return System.nanoTime() - t;
    }

    // -------------------------------------------------------------------------------------------------------------
    // r. Commission per completed order

    void commissions() throws Exception {
        Shop s = shop();
        System.out.println("[bench] r. a 2-level referral chain: upline -> seller -> buyers ...");
        String upline = fundedPartner();
        String seller = fundedPartner();
        order(seller, s, cookie(shareLink(upline, s.product())));
        String sellerCookie = cookie(shareLink(seller, s.product()));
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            buyers.add(fundedPartner());
        }
        // Unmeasured: JIT and pools warm on this path, and every buyer's first attributed purchase done.
        Load.run("release-warmup", buyers.size(), 0, Math.min(30, options.restWarmup()), t -> () ->
            order(buyers.get(t), s, sellerCookie));
        for (boolean referred : new boolean[] {true, false}) {
            long[][] lat = new long[buyers.size()][];
            int[] counts = new int[buyers.size()];
            String load1 = PlatformBench.loadAverage();
            Load.Result r = Load.run(referred ? "release-referred" : "release-plain", buyers.size(), options.warmup(),
                options.seconds(), t -> {
                    lat[t] = new long[1 << 12];
                    return () -> {
                        long d = order(buyers.get(t), s, referred ? sellerCookie : null);
                        if (counts[t] == lat[t].length) {
                            lat[t] = Arrays.copyOf(lat[t], counts[t] * 2);
                        }
                        lat[t][counts[t]++] = d;
                    };
                });
            long[] all = merge(lat, counts);
            double ordersPerSecond = r.perSecond();
            rows.add(new PlatformBench.Row("r", (referred ? "release with 2-level commissions" : "release, no referral")
                + ": completion call p50 / p99 (" + buyers.size() + " buyers)",
                PlatformBench.ms(CommerceBench.pctMillis(all, 50)) + " / " + PlatformBench.ms(CommerceBench.pctMillis(all, 99)),
                String.format(Locale.ROOT, "%,.1f completed orders/s (4 calls each)%s; %d errors%s; load avg %s -> %s",
                    ordersPerSecond, vsGet(CommerceBench.pctMillis(all, 99)), r.errors(),
                    r.firstError() == null ? "" : " (first: " + r.firstError() + ")", load1,
                    PlatformBench.loadAverage()), ordersPerSecond));
        }
        try (var c = bench.db(); var st = c.createStatement(); var rs = st.executeQuery(
            "select level, status, count(*) from economy.commission group by 1, 2 order by 1, 2")) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(String.format(Locale.ROOT, "L%d %s %,d; ", rs.getInt(1), rs.getString(2), rs.getLong(3)));
            }
            rows.add(new PlatformBench.Row("r", "  commissions in the database (level, status, count)",
                b.toString().isEmpty() ? "none" : b.substring(0, b.length() - 2), "every referred order: L1 + L2"));
        }
    }

    private String vsGet(double p99) {
        return getBaseline == null ? "" : String.format(Locale.ROOT, "; p99 x %.1f of the GET's",
            p99 / getBaseline.percentileMillis(99));
    }

    private String shareLink(String owner, String product) throws Exception {
        return JSON.readTree(expect(bench.post("/api/v1/me/share-links", owner, UUID.randomUUID().toString(),
            "{\"productId\":\"" + product + "\"}"), 201, "share link").body()).path("code").asText();
    }

    /** The attribution cookie {@code /r/{code}} sets, as {@code name=value}. */
    private String cookie(String code) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/r/" + code)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        expect(r, 303, "share link redirect");
        String set = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("copartner_ref="))
            .findFirst().orElseThrow(() -> new IllegalStateException("no copartner_ref cookie from /r/" + code));
        return set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
    }

    private HttpResponse<String> send(String path, String token, String json, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // -------------------------------------------------------------------------------------------------------------
    // x. Points-exchange quotes/s

    void quotes() throws Exception {
        Shop a = shop();
        Shop b = newShop();
        System.out.printf("[bench] x. %d partners earn points of brand A; a governed rate A -> B ...%n",
            options.threads());
        List<String> holders = completedOrders(options.threads(), a);
        String admin = bench.token("admin", "admin");
        if (!governRate(admin, a.merchantId(), b.merchantId(), 8000)) {
            return;
        }
        long points = PRICE * policy().path("purchaseRewardBps").asLong() / 10_000;
        String body = "{\"from\":\"" + a.merchantId() + "\",\"to\":\"" + b.merchantId() + "\",\"amount\":" + points + "}";
        for (String h : holders) { // points are granted in the completion's transaction; wait until each has them
            awaitStatus(() -> bench.post("/api/v1/points/exchanges/quotes", h, null, body), 201, "first quote");
        }
        Load.run("quote-warmup", holders.size(), 0, Math.min(20, options.restWarmup()), t -> () ->
            expect(bench.post("/api/v1/points/exchanges/quotes", holders.get(t), null, body), 201, "quote"));
        String load1 = PlatformBench.loadAverage();
        Load.Result r = Load.run("quotes", holders.size(), options.warmup(), options.seconds(), t -> () ->
            expect(bench.post("/api/v1/points/exchanges/quotes", holders.get(t), null, body), 201, "quote"));
        PlatformBench.report(r, "quotes");
        rows.add(new PlatformBench.Row("x", "points-exchange quotes/s (" + holders.size() + " holders, closed loop)",
            PlatformBench.fmt(r.perSecond()), String.format(Locale.ROOT, "%s p50 / p99 %s / %s; %d errors%s; load avg "
                + "%s -> %s", getBaseline == null ? "" : String.format(Locale.ROOT, "%.0f %% of the no-op GET;",
                100 * r.perSecond() / getBaseline.perSecond()), PlatformBench.ms(r.percentileMillis(50)),
                PlatformBench.ms(r.percentileMillis(99)), r.errors(), r.firstError() == null ? ""
                    : " (first: " + r.firstError() + ")", load1, PlatformBench.loadAverage()), r.perSecond()));
    }

    private JsonNode policy() throws Exception {
        return JSON.readTree(expect(bench.get(GOV + "/policies/in-force?at=" + Instant.now()), 200, "policy in force")
            .body()).path("version").path("policy");
    }

    /** A REVENUE_POLICY of the policy in force plus one rate, voted for by enough new members, executed, in force. */
    private boolean governRate(String admin, String from, String to, long rateBps) throws Exception {
        JsonNode probe = proposal(admin, "{\"kind\":\"GENERAL\",\"title\":\"bench quorum probe\",\"description\":"
            + "\"members before the vote\"}");
        long votingSeconds = Duration.between(Instant.parse(probe.path("votingStartsAt").asText()),
            Instant.parse(probe.path("votingEndsAt").asText())).toSeconds();
        if (votingSeconds > 120) {
            rows.add(new PlatformBench.Row("x", "points-exchange quotes/s", "skipped", "the voting period is "
                + votingSeconds + " s (row v needs it long): run x without v (./copartner bench then sets 20 s)"));
            return false;
        }
        JsonNode active = awaitProposal(probe.path("id").asText(), "ACTIVE", 60);
        int quorumBps = active.path("quorumBps").asInt();
        int members = JSON.readTree(expect(bench.get(GOV + "/proposals/" + probe.path("id").asText() + "/weights"), 200,
            "weights").body()).path("voters").size();
        int needed = Math.max(3, (int) Math.ceil(members * (double) quorumBps / (10_000 - quorumBps)) + 2 + members / 50);
        List<DidSignIn> voters = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            DidSignIn w = new DidSignIn();
            tokens.add(bench.signIn(w));
            expect(bench.get("/api/v1/me", tokens.get(i)), 200, "GET /api/v1/me");
            voters.add(w);
        }
        JsonNode seed = policy();
        String policy = "{\"partnerPoolBps\":" + seed.path("partnerPoolBps") + ",\"platformFeeBps\":"
            + seed.path("platformFeeBps") + ",\"commissionBps\":" + seed.path("commissionBps") + ",\"purchaseRewardBps\":"
            + seed.path("purchaseRewardBps") + ",\"reviewRewardPoints\":" + seed.path("reviewRewardPoints").asLong()
            + ",\"shareRewardPoints\":" + seed.path("shareRewardPoints").asLong() + ",\"pointExchangeRates\":[{\"from\":\""
            + from + "\",\"to\":\"" + to + "\",\"rateBps\":" + rateBps + "}]}";
        String id = proposal(admin, "{\"kind\":\"REVENUE_POLICY\",\"title\":\"Bench exchange rate\",\"description\":"
            + "\"A rate for the quotes bench\",\"policy\":" + policy + "}").path("id").asText();
        JsonNode p = awaitProposal(id, "ACTIVE", 60);
        long issuedAt = Instant.now().getEpochSecond();
        for (int i = 0; i < voters.size(); i++) {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String jws = voters.get(i).jws("copartner-ballot+jwt", "{\"proposal\":\"" + id + "\",\"choice\":\"for\","
                + "\"voter\":\"" + voters.get(i).did + "\",\"issuedAt\":" + issuedAt + ",\"nonce\":\""
                + HexFormat.of().formatHex(nonce) + "\"}");
            expect(bench.post(GOV + "/proposals/" + id + "/ballots", tokens.get(i), null, "{\"ballot\":\"" + jws + "\"}"),
                201, "ballot");
        }
        Instant ends = Instant.parse(p.path("votingEndsAt").asText());
        System.out.printf("[bench] x. %d ballots for; voting ends %s ...%n", voters.size(), ends);
        awaitProposal(id, "SUCCEEDED", Duration.between(Instant.now(), ends).toSeconds() + 60);
        expect(bench.post(GOV + "/proposals/" + id + "/queue", tokens.get(0), null, "{}"), 200, "queue");
        awaitStatus(() -> bench.post(GOV + "/proposals/" + id + "/execute", tokens.get(1), null, "{}"), 200, "execute");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!id.equals(JSON.readTree(bench.get(GOV + "/policies/in-force?at=" + Instant.now()).body()).path("version")
            .path("proposal").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the governed rate is not in force after 10 min");
            }
            Thread.sleep(500);
        }
        return true;
    }

    private JsonNode proposal(String admin, String body) throws Exception {
        return JSON.readTree(expect(bench.post(GOV + "/proposals", admin, UUID.randomUUID().toString(), body), 201,
            "proposal").body());
    }

    private JsonNode awaitProposal(String id, String state, long seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            JsonNode p = JSON.readTree(expect(bench.get(GOV + "/proposals/" + id), 200, "proposal").body());
            if (state.equals(p.path("state").asText())) {
                return p;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("proposal " + id + " is " + p.path("state").asText() + ", not " + state);
            }
            Thread.sleep(250);
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Repeats the call (bounded, 60 s) until it answers {@code status}: for what becomes true a moment later. */
    private static HttpResponse<String> awaitStatus(Call call, int status, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> r = call.send();
            if (r.statusCode() == status || System.nanoTime() > deadline) {
                return expect(r, status, what);
            }
            Thread.sleep(250);
        }
    }

    private static long[] merge(long[][] lat, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int pos = 0;
        for (int t = 0; t < lat.length; t++) {
            if (lat[t] != null) {
                System.arraycopy(lat[t], 0, all, pos, counts[t]);
                pos += counts[t];
            }
        }
        Arrays.sort(all);
        return all;
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
