package io.copartner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * o. Orders through the public contract: {@code POST /api/v1/checkouts} (stock taken, one order placed per merchant,
 * paid wallet -> escrow in one ledger entry, two audit entries per order) by {@code --threads} did:key buyers with
 * funded wallets. First at a fixed 200 checkouts/s (latency measured from each request's scheduled start, so a
 * stall counts in full: no coordinated omission), then saturated (closed loop). Printed, never asserted.
 */
final class CommerceBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int RATE = 200;

    private final PlatformBench bench;
    private final PlatformBench.Options options;
    private final List<PlatformBench.Row> rows;
    private final Load.Result getBaseline;

    CommerceBench(PlatformBench bench, PlatformBench.Options options, List<PlatformBench.Row> rows,
                  Load.Result getBaseline) {
        this.bench = bench;
        this.options = options;
        this.rows = rows;
        this.getBaseline = getBaseline;
    }

    void run() throws Exception {
        String admin = bench.token("admin", "admin");
        int buyers = options.threads();
        String[] products = new String[2];
        String firstShop = null;
        for (int i = 0; i < products.length; i++) {
            String user = "bench-shop-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "pw-" + UUID.randomUUID();
            JsonNode m = JSON.readTree(expect(bench.post("/api/v1/admin/merchants", admin, UUID.randomUUID().toString(),
                "{\"name\":\"Bench shop " + user + "\",\"businessLicence\":\"91310000MA1FL0001X\",\"contactEmail\":\""
                    + user + "@shops.example\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"),
                201, "create merchant").body());
            expect(bench.post("/api/v1/admin/merchants/" + m.path("id").asText() + "/verification", admin, null, "{}"),
                200, "verify merchant");
            String token = bench.token(user, password);
            firstShop = firstShop == null ? token : firstShop;
            products[i] = product(token);
        }
        // A product per buyer (same merchant): no two checkouts share a stock row, so the difference to the shared
        // product is what that one row's lock costs.
        List<String> own = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            own.add(product(firstShop));
        }
        System.out.printf("[bench] o. %d buyers sign in (did:key) and top up ...%n", buyers);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            String token = bench.signIn(new DidSignIn());
            String topUp = JSON.readTree(expect(bench.post("/api/v1/wallet/top-ups", token,
                UUID.randomUUID().toString(), "{\"currency\":\"CNY\",\"amount\":10000000000}"), 201, "top-up").body())
                .path("id").asText();
            JsonNode hook = JSON.readTree(expect(bench.post("/api/v1/wallet/top-ups/" + topUp
                + "/sandbox-confirmation", token, null, "{}"), 200, "sandbox confirmation").body());
            expect(bench.webhook(hook.path("path").asText(), hook.path("signature").asText(),
                hook.path("body").asText()), 200, "webhook");
            tokens.add(token);
        }
        String oneOrder = cart(products[0]);
        List<String> ownCarts = own.stream().map(CommerceBench::cart).toList();
        String twoOrders = "{\"currency\":\"CNY\",\"lines\":[{\"productId\":\"" + products[0] + "\",\"quantity\":1},"
            + "{\"productId\":\"" + products[1] + "\",\"quantity\":1}]}";
        // Warm the path (JIT, pools) before measuring; not counted.
        Load.run("checkout-warmup", buyers, 0, Math.min(30, options.restWarmup()), t -> () ->
            expect(bench.post("/api/v1/checkouts", tokens.get(t), UUID.randomUUID().toString(), oneOrder), 201,
                "checkout"));

        paced(tokens, t -> oneOrder, "one merchant, one product for all buyers");
        paced(tokens, ownCarts::get, "one merchant, a product per buyer");
        saturated(tokens, t -> oneOrder, "1 order each, one product for all buyers");
        saturated(tokens, ownCarts::get, "1 order each, a product per buyer");
        profile(tokens, t -> oneOrder, "one product for all buyers");
        profile(tokens, ownCarts::get, "a product per buyer");
        Load.Result two = Load.run("checkouts-2", buyers, options.warmup(), Math.min(10, options.seconds()), t -> () ->
            expect(bench.post("/api/v1/checkouts", tokens.get(t), UUID.randomUUID().toString(), twoOrders), 201,
                "checkout"));
        rows.add(new PlatformBench.Row("o", "checkouts/s saturated, 2 merchants per checkout (2 orders, 1 entry)",
            PlatformBench.fmt(two.perSecond()), ratio(two) + "p50 / p99 " + PlatformBench.ms(two.percentileMillis(50))
                + " / " + PlatformBench.ms(two.percentileMillis(99)) + "; " + two.errors() + " errors", two.perSecond()));
    }

    /** Closed loop; samples Liberty's checkout threads and counts the database's work per checkout meanwhile. */
    private void saturated(List<String> tokens, IntFunction<String> cartOf, String what) throws Exception {
        int buyers = tokens.size();
        DbWork before = DbWork.now(bench);
        Load.Result r = Load.run("checkouts", buyers, options.warmup(), options.seconds(), t -> () ->
            expect(bench.post("/api/v1/checkouts", tokens.get(t), UUID.randomUUID().toString(), cartOf.apply(t)), 201,
                "checkout"));
        // The statistics collector flushes a backend's counters at most once a second.
        LockSupport.parkNanos(1_500_000_000L);
        DbWork after = DbWork.now(bench);
        PlatformBench.report(r, "checkouts (" + what + ")");
        // Warm-up checkouts count in the database figures too: divide by every checkout the window saw.
        long checkouts = after.checkouts - before.checkouts;
        String perCheckout = after.minus(before, checkouts);
        System.out.printf("[bench]    per checkout (%s): %s%n", what, perCheckout);
        rows.add(new PlatformBench.Row("o", "checkouts/s saturated (" + buyers + " buyers, " + what + ", paid)",
            PlatformBench.fmt(r.perSecond()), ratio(r) + "p50 / p99 " + PlatformBench.ms(r.percentileMillis(50))
                + " / " + PlatformBench.ms(r.percentileMillis(99)) + "; " + r.errors() + " errors"
                + (r.firstError() == null ? "" : " (first: " + r.firstError() + ")"), r.perSecond()));
    }

    /**
     * Where Liberty's checkout threads are, from {@code jcmd Thread.print} samples during a closed-loop run of its own
     * (each jcmd starts a JVM, which would slow the measured runs on two cores).
     */
    private void profile(List<String> tokens, IntFunction<String> cartOf, String what) throws Exception {
        LibertyJvm jvm = LibertyJvm.find();
        if (jvm == null) {
            return;
        }
        LibertyJvm.Sampler sampler = jvm.sample("OrderService.checkout");
        Load.run("checkouts-profiled", tokens.size(), 0, Math.min(10, options.seconds()), t -> () ->
            expect(bench.post("/api/v1/checkouts", tokens.get(t), UUID.randomUUID().toString(), cartOf.apply(t)), 201,
                "checkout"));
        sampler.stop();
        System.out.printf("[bench]    where checkout threads were (%s): %s%n", what, sampler.hotspots(12));
    }

    private String product(String merchantToken) throws Exception {
        return JSON.readTree(expect(bench.post("/api/v1/products", merchantToken, UUID.randomUUID().toString(),
            "{\"gtin\":\"" + gtin() + "\",\"name\":\"Bench tea\",\"description\":\"bench\",\"category\":\"tea\","
                + "\"mediaUrls\":[],\"stock\":100000000,\"prices\":[{\"currency\":\"CNY\",\"amount\":100}]}"),
            201, "create product").body()).path("id").asText();
    }

    private static String cart(String productId) {
        return "{\"currency\":\"CNY\",\"lines\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}";
    }

    /**
     * The database's work as its statistics views count it (pg_stat_statements is not available): transactions
     * committed, table scans (each index or sequential scan a statement starts; a proxy for reads) and rows written,
     * per table. Background workers (sequencer, outbox, scheduler) run meanwhile, so the figures are an upper bound.
     */
    private record DbWork(long checkouts, long commits, Map<String, long[]> tables) {

        static DbWork now(PlatformBench bench) throws Exception {
            try (Connection c = bench.db(); Statement st = c.createStatement()) {
                long checkouts;
                try (ResultSet rs = st.executeQuery("select count(*) from commerce.checkout")) {
                    rs.next();
                    checkouts = rs.getLong(1);
                }
                long commits;
                try (ResultSet rs = st.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                    rs.next();
                    commits = rs.getLong(1);
                }
                Map<String, long[]> tables = new TreeMap<>();
                try (ResultSet rs = st.executeQuery("select schemaname || '.' || relname, seq_scan + coalesce(idx_scan, 0), "
                    + "n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
                    while (rs.next()) {
                        tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                    }
                }
                return new DbWork(checkouts, commits, tables);
            }
        }

        String minus(DbWork before, long checkouts) {
            if (checkouts <= 0) {
                return "no checkouts";
            }
            double n = checkouts;
            long[] sum = new long[4];
            List<String> busiest = new ArrayList<>();
            tables.forEach((table, v) -> {
                long[] b = before.tables.getOrDefault(table, new long[4]);
                long[] d = new long[4];
                for (int i = 0; i < 4; i++) {
                    d[i] = v[i] - b[i];
                    sum[i] += d[i];
                }
                if (d[0] + d[1] + d[2] + d[3] >= checkouts / 2) {
                    busiest.add(String.format(Locale.ROOT, "%s %.1f scans/%.1f ins/%.1f upd/%.1f del", table,
                        d[0] / n, d[1] / n, d[2] / n, d[3] / n));
                }
            });
            return String.format(Locale.ROOT, "%,d checkouts, %.1f commits, %.1f table scans, %.1f rows inserted, "
                    + "%.1f updated, %.1f deleted; by table: %s", checkouts, (commits - before.commits) / n, sum[0] / n,
                sum[1] / n, sum[2] / n, sum[3] / n, String.join(", ", busiest));
        }
    }

    /** A fixed {@link #RATE}/s schedule spread over the buyers; latency from the scheduled start. */
    private void paced(List<String> tokens, IntFunction<String> cartOf, String what) throws Exception {
        int callers = tokens.size();
        double seconds = options.seconds();
        long interval = (long) (1e9 * callers / RATE);
        long[][] lat = new long[callers][];
        int[] counts = new int[callers];
        System.out.printf("[bench] o. checkouts at %d/s for %.0f s ...%n", RATE, seconds);
        long start = System.nanoTime() + 200_000_000L;
        Load.Result r = Load.run("paced-checkouts", callers, 0, seconds, thread -> {
            long[] next = {start + thread * interval / callers};
            lat[thread] = new long[1 << 12];
            return () -> {
                long scheduled = next[0];
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                next[0] += interval;
                expect(bench.post("/api/v1/checkouts", tokens.get(thread), UUID.randomUUID().toString(),
                    cartOf.apply(thread)), 201,
                    "checkout");
                if (counts[thread] == lat[thread].length) {
                    lat[thread] = Arrays.copyOf(lat[thread], counts[thread] * 2);
                }
                lat[thread][counts[thread]++] = System.nanoTime() - scheduled;
            };
        });
        long[] all = new long[Arrays.stream(counts).sum()];
        int pos = 0;
        for (int t = 0; t < callers; t++) {
            System.arraycopy(lat[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        Arrays.sort(all);
        rows.add(new PlatformBench.Row("o", "order placement + payment p50 / p99 at " + RATE + "/s (" + what + ")",
            PlatformBench.ms(pctMillis(all, 50)) + " / " + PlatformBench.ms(pctMillis(all, 99)),
            String.format(Locale.ROOT, "%,.0f/s achieved, %d errors%s; goal p99 < 50 ms", r.perSecond(), r.errors(),
                r.firstError() == null ? "" : " (first: " + r.firstError() + ")")));
    }

    private String ratio(Load.Result r) {
        return getBaseline == null ? "" : String.format(Locale.ROOT, "%.0f %% of the no-op GET; ",
            100 * r.perSecond() / getBaseline.perSecond());
    }

    static double pctMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A random GTIN-14 with its GS1 check digit. */
    static String gtin() {
        StringBuilder s = new StringBuilder("0");
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            s.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = s.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return s.append((10 - sum % 10) % 10).toString();
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
