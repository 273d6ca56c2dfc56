package io.copartner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import io.copartner.verifier.Merkle;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Load benchmark of the whole platform, which it starts itself (PostgreSQL, Keycloak, anvil, Liberty) on its own
 * ports with a fresh data directory, then stops. It prints one table of figures, each with its ratio to a baseline
 * measured in the same process: PostgreSQL's trivial durable commits/s is the limit for anything that commits per
 * request, an authenticated no-op {@code GET /api/v1/me} (same callers, same token handling as the ledger posts) is
 * the stack's own limit for anything served over HTTP, one chain transaction per event is the baseline for anchoring
 * gas. It uses the platform only as a third party would (the public HTTP contract, SQL on the database for the
 * white-box rows, the third-party verifier's RFC 9162 code, a chain client written from the contract interface), plus
 * the launcher to start it: BenchBoundariesTest holds it to that.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.copartner.bench.PlatformBench [--seconds 20] [--threads 16]
 *      [--pad 1000000] [--proofs 2000] [--anchors 200] [--appends ledger|none] [--paced 1000] [--signins 50]
 * </pre>
 *
 * A benchmark, not a test: nothing here asserts a time.
 */
public final class PlatformBench {

    static final int HTTP_PORT = 29080;
    static final int KEYCLOAK_PORT = 28180;
    static final int CHAIN_PORT = 28545;
    static final int DB_PORT = 25433;
    /** anvil's second well-known dev account: the platform's own anchor worker uses the first, so no nonce races. */
    static final String BENCH_CHAIN_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    record Options(int seconds, int threads, long pad, int proofs, int anchors, String appends, double warmup,
                   int paced, boolean attach, Set<String> only, String funding, double restWarmup, int signins, int portOffset,
                   long ballots, long[] partners) {

        boolean runs(String section) {
            return only.isEmpty() || only.contains(section);
        }

        /** The GET baseline is measured whenever a row needs it for its ratio. */
        boolean needsGetBaseline() {
            return runs("g") || runs("b") || runs("s") || runs("v") || runs("o") || runs("t") || runs("r")
                || runs("x");
        }

        static Options parse(String[] args) {
            int seconds = 20;
            int threads = 16;
            long pad = 0;
            int proofs = 2000;
            int anchors = 200;
            String appends = "ledger";
            double warmup = 3;
            int paced = 1000;
            boolean attach = false;
            Set<String> only = Set.of();
            String funding = "own";
            double restWarmup = 60;
            int signins = 50;
            int portOffset = 0;
            long ballots = 100_000;
            long[] partners = {1_000_000};
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--seconds" -> { seconds = Integer.parseInt(v); i++; }
                    case "--threads" -> { threads = Integer.parseInt(v); i++; }
                    case "--pad" -> { pad = Long.parseLong(v.replace("_", "")); i++; }
                    case "--proofs" -> { proofs = Integer.parseInt(v); i++; }
                    case "--anchors" -> { anchors = Integer.parseInt(v); i++; }
                    case "--appends" -> { appends = v; i++; }
                    case "--warmup" -> { warmup = Double.parseDouble(v); i++; }
                    case "--paced" -> { paced = Integer.parseInt(v); i++; }
                    case "--attach" -> attach = true;
                    case "--only" -> { only = Set.of(v.split(",")); i++; }
                    case "--funding" -> { funding = v; i++; }
                    case "--rest-warmup" -> { restWarmup = Double.parseDouble(v); i++; }
                    case "--signins" -> { signins = Integer.parseInt(v); i++; }
                    case "--port-offset" -> { portOffset = Integer.parseInt(v); i++; }
                    case "--ballots" -> { ballots = Long.parseLong(v.replace("_", "")); i++; }
                    case "--partners" -> {
                        partners = Arrays.stream(v.replace("_", "").split(",")).mapToLong(Long::parseLong).toArray();
                        i++;
                    }
                    default -> {
                        System.err.println("""
                            usage: PlatformBench [--seconds 20] [--threads 16] [--pad 1000000] [--proofs 2000]
                                   [--anchors 200] [--appends ledger|none] [--warmup 3] [--paced 1000]
                                   [--attach] [--only a,a2,g,b,s,v,o,t,r,x,p,c,d,e] [--funding own|system] [--rest-warmup 60]
                                   [--signins 50] [--port-offset 0] [--ballots 100000] [--partners 1000000[,...]]
                              --attach   measure a platform that is already running, found by the COPARTNER_* variables
                                         of ./copartner run (COPARTNER_HTTP_PORT, _KEYCLOAK_PORT, _DB_PORT, _CHAIN_PORT,
                                         _DATA_DIR, ...); its data is kept. Default: start one on ports 29080/28180/
                                         28545/25433 with fresh data in bench/target/bench-data, then stop it
                              --only     run only these sections (a = PostgreSQL commits, a2 = audit records over
                                         JDBC, g = authenticated no-op GET baseline (also run for b and s),
                                         b = ledger entries over REST, s = DID sign-ins, v = governance ballots,
                                         o = checkouts (placement + payment at 200/s, saturated),
                                         t = traceability, r = release with 2-level referral
                                         commissions (p50/p99), x = points-exchange quotes/s,
                                         p = period close of --partners partners,
                                         c = integration delay,
                                         d = pad and proofs, e = anchors and gas)
                              --funding  b: 'own' gives each caller its own funding account (default); 'system'
                                         makes every caller draw on the one EXTERNAL_FUNDING:CNY system account
                                         (a hot row: every entry queues on its lock)
                              --rest-warmup  b: seconds of REST load before the measured one (default 60; its
                                         figure is printed too): a fresh Liberty needs minutes of load before the
                                         JIT has compiled the request path; also before the GET baseline)
                              --port-offset  added to the four ports of the platform it starts (several
                                         checkouts on one machine)
                              --signins  s: serial DID sign-ins measured (nonce + sign + token), after 5 unmeasured
                              --ballots  v: ballots on the one proposal before its listing is paged through (the
                                         measured load's, topped up over REST; needs a voting period that long:
                                         COPARTNER_GOVERNANCE_VOTING_PERIOD_SECONDS, which ./copartner bench sets)
                              --partners p: partners with a contribution in the closed period (seeded over SQL); several
                                         sizes, comma-separated, close one period each""");
                        System.exit(2);
                    }
                }
            }
            if (!funding.equals("own") && !funding.equals("system")) {
                throw new IllegalArgumentException("--funding own|system");
            }
            return new Options(seconds, threads, pad, proofs, anchors, appends, warmup, paced, attach, only, funding,
                restWarmup, signins, portOffset, ballots, partners);
        }
    }

    /** One line of the final table; {@code perSecond} (NaN if none) gets its ratio to the GET baseline printed. */
    record Row(String section, String figure, String value, String ratio, double perSecond) {

        Row(String section, String figure, String value, String ratio) {
            this(section, figure, value, ratio, Double.NaN);
        }
    }

    private final Options options;
    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Row> rows = new ArrayList<>();
    /** Authenticated no-op GETs/s of this run: every HTTP figure's ratio is to it. */
    private Load.Result getBaseline;

    private PlatformBench(Options options, PlatformSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.attach) {
            PlatformSettings attached = PlatformSettings.fromEnvironment(System.getenv());
            System.out.printf("[bench] %s, attached to %s (db %s)%n", options, attached.baseUrl(), attached.dbUrl());
            new PlatformBench(options, attached).run();
            return;
        }
        PlatformSettings base = PlatformSettings.fromEnvironment(Map.of());
        Path data = base.projectDir().resolve("bench/target/bench-data");
        deleteRecursively(data);
        int o = options.portOffset;
        PlatformSettings settings = base.withPortsAndData(HTTP_PORT + o, KEYCLOAK_PORT + o, CHAIN_PORT + o, DB_PORT + o,
            data);
        System.out.printf("[bench] %s, %d threads, %d s per load, data in %s%n", options, options.threads,
            options.seconds, data);
        Platform platform = new Platform(settings);
        Thread hook = new Thread(platform::close, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try {
            platform.start();
            System.out.printf("[bench] platform up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            new PlatformBench(options, settings).run();
        } finally {
            platform.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void run() throws Exception {
        waitForFirstCheckpoint();
        Load.Result pg = options.runs("a") ? postgresCommits() : null;
        Load.Result auditJdbc = options.runs("a2") ? auditRecordsJdbc(pg) : null;
        Instant jdbcStart = auditJdbc == null ? null : lastLoadStart;
        getBaseline = options.needsGetBaseline() ? authenticatedGets() : null;
        Load.Result rest = options.runs("b") ? ledgerAppends(pg) : null;
        Instant restStart = rest == null ? null : lastLoadStart;
        if (options.runs("s")) {
            didSignIns();
        }
        if (options.runs("v")) {
            new GovernanceBench(this, options, rows, getBaseline).run();
        }
        if (options.runs("o")) {
            new CommerceBench(this, options, rows, getBaseline).run();
        }
        if (options.runs("t")) {
            new TraceBench(this, options, rows, getBaseline, settings.baseUrl()).run();
        }
        if (options.runs("r") || options.runs("x") || options.runs("p")) {
            EconomyBench economy = new EconomyBench(this, options, rows, getBaseline, settings.baseUrl());
            if (options.runs("r")) {
                economy.commissions();
            }
            if (options.runs("x")) {
                economy.quotes();
            }
            if (options.runs("p")) {
                new CloseBench(this, options, rows, economy).run();
            }
        }
        if (options.runs("c")) {
            if (rest != null || jdbcStart != null) {
                integrationDelay(rest != null ? restStart : jdbcStart,
                    rest != null ? "ledger REST load" : "JDBC audit-record load");
            }
            pacedIntegrationDelay();
        }
        if (options.runs("d")) {
            pad();
            proofs();
        }
        if (options.runs("e")) {
            platformAnchors();
            gas();
        }
        print();
    }

    // ---------------------------------------------------------------------------------------------------------
    // a. PostgreSQL limit

    private Instant lastLoadStart;

    private Load.Result postgresCommits() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("create table if not exists public.bench_commit (id bigserial primary key, "
                + "at timestamptz not null default clock_timestamp(), payload text not null)");
        }
        System.out.printf("[bench] a. PostgreSQL trivial durable commits, %d threads ...%n", options.threads);
        Load.Result r = Load.run("pg", options.threads, options.warmup, options.seconds, thread -> {
            Connection c = db();
            c.setAutoCommit(true);
            PreparedStatement ps = c.prepareStatement("insert into public.bench_commit (payload) values (?)");
            String payload = "bench-" + thread;
            return new Load.Op() {
                @Override
                public void run() throws SQLException {
                    ps.setString(1, payload);
                    ps.executeUpdate();
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
        report(r, "pg");
        String fsync = setting("fsync");
        String sync = setting("synchronous_commit");
        boolean durable = "on".equals(fsync) && "on".equals(sync);
        if (!durable) {
            System.out.printf("[bench]    NOTE: fsync=%s, synchronous_commit=%s: these commits are NOT durable "
                + "(zonky starts PostgreSQL with -F unless fsync is set on)%n", fsync, sync);
        }
        rows.add(new Row("a", "PostgreSQL trivial " + (durable ? "durable" : "NON-durable") + " commits/s ("
            + options.threads + " threads; fsync=" + fsync + ", synchronous_commit=" + sync + ")",
            fmt(r.perSecond()), "1 (baseline)", r.perSecond()));
        rows.add(new Row("a", "  commit latency p50 / p99", ms(r.percentileMillis(50)) + " / " + ms(r.percentileMillis(99)),
            ""));
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // a2. The audit record as AuditTrail.record writes it, straight over JDBC (sequencer running)

    private Load.Result auditRecordsJdbc(Load.Result pg) throws Exception {
        System.out.printf("[bench] a2. audit records over JDBC (AuditTrail.record's SQL), %d threads ...%n",
            options.threads);
        lastLoadStart = dbNow().plusMillis((long) (options.warmup * 1000));
        Load.Result r = Load.run("audit-jdbc", options.threads, options.warmup, options.seconds, thread -> {
            Connection c = db();
            c.setAutoCommit(true);
            PreparedStatement ps = c.prepareStatement("""
                with e as (
                  insert into ledger.audit_entry (type, subject, canonical, leaf_hash, recorded_at)
                  values (?, ?, ?, ?, ?) returning id)
                insert into ledger.audit_pending (entry_id) select id from e""");
            long[] n = {0};
            return new Load.Op() {
                @Override
                public void run() throws SQLException {
                    recordAuditEntry(ps, "bench:jdbc:" + thread, n[0]++);
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
        report(r, "audit-jdbc");
        rows.add(new Row("a2", "audit records/s over JDBC (entry + pending, sequencer running)", fmt(r.perSecond()),
            pgRatio(r, pg), r.perSecond()));
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // b. Audited appends through the service

    private Load.Result ledgerAppends(Load.Result pg) throws Exception {
        if (!"ledger".equals(options.appends)) {
            rows.add(new Row("b", "audited appends/s via REST", "skipped (--appends none)", ""));
            return null;
        }
        String token = token("admin", "admin");
        // One pair of accounts per caller: a funding account that may go negative and a wallet, so callers do not
        // queue on one balance row (the figure is the platform's write path, not one hot account).
        HttpResponse<String> probe = post("/api/v1/ledger/accounts", token, null,
            account("bench-probe", "EXTERNAL_FUNDING"));
        if (probe.statusCode() == 404 || probe.statusCode() == 405) {
            System.out.println("[bench] b. skipped: no ledger endpoint (POST /api/v1/ledger/accounts -> "
                + probe.statusCode() + ")");
            rows.add(new Row("b", "audited appends/s via REST (POST /api/v1/ledger/entries)",
                "skipped: no ledger endpoint", ""));
            return null;
        }
        if (probe.statusCode() / 100 != 2) {
            throw new IllegalStateException("opening an account failed: " + probe.statusCode() + " " + probe.body());
        }
        String[][] accounts = new String[options.threads][2];
        String systemFunding = "00000000-0000-7000-8000-000000000003"; // EXTERNAL_FUNDING:CNY (migration V3)
        for (int t = 0; t < options.threads; t++) {
            accounts[t][0] = "system".equals(options.funding) ? systemFunding
                : JSON.readTree(post("/api/v1/ledger/accounts", token, null,
                    account("bench-" + t, "EXTERNAL_FUNDING")).body()).path("id").asText();
            accounts[t][1] = JSON.readTree(post("/api/v1/ledger/accounts", token, null,
                account("bench-" + t, "WALLET")).body()).path("id").asText();
        }
        System.out.printf("[bench] b. audited appends: POST /api/v1/ledger/entries, %d callers, funding: %s ...%n",
            options.threads, "system".equals(options.funding) ? "all from EXTERNAL_FUNDING:CNY (one hot row)"
                : "one funding account per caller");
        Load.OpFactory postEntry = thread -> () -> {
            String body = JSON.writeValueAsString(Map.of(
                "memo", "bench transfer",
                "postings", List.of(
                    Map.of("accountId", accounts[thread][0], "asset", "CNY", "amount", -1),
                    Map.of("accountId", accounts[thread][1], "asset", "CNY", "amount", 1))));
            HttpResponse<String> resp = post("/api/v1/ledger/entries", token, UUID.randomUUID().toString(), body);
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + resp.statusCode() + ": " + resp.body());
            }
        };
        if (options.restWarmup > 0) {
            // A freshly started Liberty runs this path interpreted and C1-compiled for minutes: on 2 cores C2 needs
            // that long for Liberty's, Hibernate's and our code. Measured cold, the figure is mostly the JIT's.
            String load1 = loadAverage();
            System.out.printf("[bench] b. warming the REST path up for %.0f s first (JIT) ...%n", options.restWarmup);
            Load.Result cold = Load.run("rest-warmup", options.threads, 0, options.restWarmup, postEntry);
            report(cold, "rest-warmup");
            rows.add(new Row("b", String.format(Locale.ROOT, "  warm-up: the first %.0f s of the load (JIT warming up)",
                    options.restWarmup), fmt(cold.perSecond()),
                "p50 / p99 " + ms(cold.percentileMillis(50)) + " / " + ms(cold.percentileMillis(99)) + "; load avg "
                    + load1 + " -> " + loadAverage(), cold.perSecond()));
        }
        String load1 = loadAverage();
        lastLoadStart = dbNow().plusMillis((long) (options.warmup * 1000));
        Load.Result r = Load.run("rest", options.threads, options.warmup, options.seconds, postEntry);
        report(r, "rest");
        rows.add(new Row("b", "audited appends/s via REST (ledger entries, " + options.threads + " callers"
            + ("system".equals(options.funding) ? ", all from EXTERNAL_FUNDING:CNY)" : ")"),
            fmt(r.perSecond()), String.join("; ", Stream.of(pgRatio(r, pg), getBaseline == null ? ""
                : "goal >= 0.5 of GET/s").filter(t -> !t.isEmpty()).toList()), r.perSecond()));
        rows.add(new Row("b", "  request latency p50 / p99",
            ms(r.percentileMillis(50)) + " / " + ms(r.percentileMillis(99)), r.errors() + " errors; load avg "
                + load1 + " -> " + loadAverage()));
        return r;
    }

    /** One audit entry with exactly AuditTrail.record's SQL (the statement prepared by the caller). */
    private static void recordAuditEntry(PreparedStatement ps, String subject, long n) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String canonical = canonicalEntry("bench.audit-record", subject, now, n);
        ps.setString(1, "bench.audit-record");
        ps.setString(2, subject);
        ps.setString(3, canonical);
        ps.setBytes(4, Merkle.leafHash(canonical.getBytes(StandardCharsets.UTF_8)));
        ps.setTimestamp(5, Timestamp.from(now));
        ps.executeUpdate();
    }

    private static String account(String who, String kind) throws IOException {
        return JSON.writeValueAsString(Map.of("owner", "party:" + who, "asset", "CNY", "kind", kind,
            "name", "bench " + kind.toLowerCase(Locale.ROOT)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // g. The stack's own limit: an authenticated no-op GET, same callers and token handling as the ledger posts

    private Load.Result authenticatedGets() throws Exception {
        // GET /api/v1/me reads the verified token's claims and answers them: no database, no service. What it costs
        // is what every authenticated request pays (web container, mpJwt, RESTEasy, CDI, JSON-B), so it bounds b.
        String token = token("admin", "admin");
        Load.OpFactory me = thread -> () -> {
            HttpResponse<String> resp = get("/api/v1/me", token);
            if (resp.statusCode() != 200) {
                throw new IOException("HTTP " + resp.statusCode() + ": " + resp.body());
            }
        };
        System.out.printf("[bench] g. authenticated no-op GET /api/v1/me, %d callers ...%n", options.threads);
        if (options.restWarmup > 0) {
            String load1 = loadAverage();
            Load.Result cold = Load.run("get-warmup", options.threads, 0, options.restWarmup, me);
            report(cold, "get-warmup");
            rows.add(new Row("g", String.format(Locale.ROOT, "  warm-up: the first %.0f s of the load (JIT warming up)",
                    options.restWarmup), fmt(cold.perSecond()),
                "p50 / p99 " + ms(cold.percentileMillis(50)) + " / " + ms(cold.percentileMillis(99)) + "; load avg "
                    + load1 + " -> " + loadAverage()));
        }
        String load1 = loadAverage();
        Load.Result r = Load.run("get", options.threads, options.warmup, options.seconds, me);
        report(r, "get");
        rows.add(new Row("g", "authenticated no-op GET/s (GET /api/v1/me, " + options.threads + " callers, "
            + "same token as b)", fmt(r.perSecond()), "1 (baseline of every HTTP row)", r.perSecond()));
        rows.add(new Row("g", "  request latency p50 / p99",
            ms(r.percentileMillis(50)) + " / " + ms(r.percentileMillis(99)), r.errors() + " errors; load avg "
                + load1 + " -> " + loadAverage()));
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // s. DID sign-in: nonce, sign, token, one after the other (what one wallet waits for)

    private void didSignIns() throws Exception {
        String issuer = settings.keycloakUrl() + "/realms/copartner";
        String tokenEndpoint = issuer + "/protocol/openid-connect/token";
        DidSignIn wallet = new DidSignIn();
        System.out.printf("[bench] s. %d serial DID sign-ins (Ed25519 did:key) ...%n", options.signins);
        for (int i = 0; i < 5; i++) { // the first also registers the user
            signIn(wallet, issuer, tokenEndpoint);
        }
        long[] lat = new long[options.signins];
        long start = System.nanoTime();
        for (int i = 0; i < options.signins; i++) {
            long t0 = System.nanoTime();
            signIn(wallet, issuer, tokenEndpoint);
            lat[i] = System.nanoTime() - t0;
        }
        double perSecond = options.signins / ((System.nanoTime() - start) / 1e9);
        Arrays.sort(lat);
        rows.add(new Row("s", "DID sign-ins/s, serial (nonce + Ed25519 JWS + token), one wallet", fmt1(perSecond),
            "p50 / p90 " + ms(pct(lat, 50)) + " / " + ms(pct(lat, 90)) + "; " + options.signins + " sign-ins",
            perSecond));
    }

    /** A DID sign-in of {@code wallet}; returns its access token. */
    String signIn(DidSignIn wallet) throws Exception {
        String issuer = settings.keycloakUrl() + "/realms/copartner";
        return signIn(wallet, issuer, issuer + "/protocol/openid-connect/token");
    }

    private String signIn(DidSignIn wallet, String issuer, String tokenEndpoint) throws Exception {
        HttpResponse<String> nonce = http.send(HttpRequest.newBuilder(URI.create(issuer + "/did-auth/nonce"))
            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (nonce.statusCode() != 200) {
            throw new IllegalStateException("nonce: " + nonce.statusCode() + " " + nonce.body());
        }
        String form = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion="
            + enc(wallet.assertion(tokenEndpoint, JSON.readTree(nonce.body()).path("nonce").asText()))
            + "&client_id=copartner-cli";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("DID token: " + token.statusCode() + " " + token.body());
        }
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // c. Integration delay: entry recorded -> leaf in the tree (signed checkpoint)

    private void integrationDelay(Instant loadStart, String which) throws Exception {
        long t0 = System.nanoTime();
        long pending = waitUntilIntegrated(Duration.ofMinutes(10));
        double drain = (System.nanoTime() - t0) / 1e9;
        delayRow("c", "integration delay p50 / p99, saturated (recorded -> in tree)", loadStart,
            String.format(Locale.ROOT, "of the %s; drained %.1f s after it%s", which, drain,
                pending > 0 ? ", " + pending + " still pending" : ""));
    }

    /**
     * The delay at a rate the sequencer sustains: {@code --paced} audit records per second over JDBC (4 callers,
     * fixed schedule) for up to 10 s. The saturated figure above measures the backlog, this one the tick.
     */
    private void pacedIntegrationDelay() throws Exception {
        if (options.paced <= 0) {
            return;
        }
        int callers = 4;
        double seconds = Math.min(10, options.seconds);
        System.out.printf("[bench] c. paced audit records: %d/s for %.0f s ...%n", options.paced, seconds);
        Instant start = dbNow();
        long intervalNanos = (long) (1e9 * callers / options.paced);
        Load.Result r = Load.run("paced", callers, 0, seconds, thread -> {
            Connection c = db();
            c.setAutoCommit(true);
            PreparedStatement ps = c.prepareStatement("""
                with e as (
                  insert into ledger.audit_entry (type, subject, canonical, leaf_hash, recorded_at)
                  values (?, ?, ?, ?, ?) returning id)
                insert into ledger.audit_pending (entry_id) select id from e""");
            long[] next = {System.nanoTime() + thread * intervalNanos / callers};
            long[] n = {0};
            return new Load.Op() {
                @Override
                public void run() throws SQLException {
                    long wait = next[0] - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    next[0] += intervalNanos;
                    recordAuditEntry(ps, "bench:paced:" + thread, n[0]++);
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
        waitUntilIntegrated(Duration.ofMinutes(2));
        delayRow("c", "integration delay p50 / p99, paced at " + options.paced + "/s", start,
            String.format(Locale.ROOT, "%,.0f records/s offered over JDBC; sequencer tick %s", r.perSecond(),
                "100 ms"));
    }

    private void delayRow(String section, String figure, Instant from, String note) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                select percentile_cont(array[0.5, 0.99]) within group
                         (order by extract(epoch from l.integrated_at - e.recorded_at)),
                       count(*)
                  from ledger.audit_leaf l join ledger.audit_entry e on e.id = l.entry_id
                 where e.recorded_at > ?""")) {
            ps.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array a = rs.getArray(1);
                long n = rs.getLong(2);
                if (a == null || n == 0) {
                    rows.add(new Row(section, figure, "no entries", note));
                    return;
                }
                Object[] p = (Object[]) a.getArray();
                double p50 = ((Number) p[0]).doubleValue() * 1000;
                double p99 = ((Number) p[1]).doubleValue() * 1000;
                rows.add(new Row(section, figure, ms(p50) + " / " + ms(p99),
                    String.format(Locale.ROOT, "%,d entries; ", n) + note));
            }
        }
    }

    /** Waits until nothing is pending; returns what is still pending at the timeout. */
    private long waitUntilIntegrated(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = db(); Statement st = c.createStatement()) {
            while (true) {
                long pending;
                try (ResultSet rs = st.executeQuery("select count(*) from ledger.audit_pending")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending == 0 || System.nanoTime() > deadline) {
                    return pending;
                }
                Thread.sleep(100);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // d. Padding towards 10^6 entries and inclusion proofs over HTTP

    private void pad() throws Exception {
        if (options.pad <= 0) {
            return;
        }
        long have;
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from ledger.audit_entry")) {
            rs.next();
            have = rs.getLong(1);
        }
        long missing = options.pad - have;
        if (missing <= 0) {
            return;
        }
        System.out.printf("[bench] d. padding the log with %,d entries (JDBC batches) ...%n", missing);
        int batch = 5000;
        long t0 = System.nanoTime();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                with e as (
                  insert into ledger.audit_entry (type, subject, canonical, leaf_hash, recorded_at)
                  select t, s, c, decode(h, 'hex'), r::timestamptz
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(t, s, c, h, r)
                  returning id)
                insert into ledger.audit_pending (entry_id) select id from e""")) {
            c.setAutoCommit(true);
            long done = 0;
            while (done < missing) {
                int n = (int) Math.min(batch, missing - done);
                String[] types = new String[n];
                String[] subjects = new String[n];
                String[] canon = new String[n];
                String[] hashes = new String[n];
                String[] times = new String[n];
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                for (int i = 0; i < n; i++) {
                    types[i] = "bench.pad";
                    subjects[i] = "bench:pad:" + (done + i);
                    canon[i] = canonicalEntry(types[i], subjects[i], now, done + i);
                    hashes[i] = Hashes.hex(Merkle.leafHash(canon[i].getBytes(StandardCharsets.UTF_8)));
                    times[i] = ISO.format(now);
                }
                ps.setArray(1, c.createArrayOf("text", types));
                ps.setArray(2, c.createArrayOf("text", subjects));
                ps.setArray(3, c.createArrayOf("text", canon));
                ps.setArray(4, c.createArrayOf("text", hashes));
                ps.setArray(5, c.createArrayOf("text", times));
                ps.executeUpdate();
                done += n;
                if (done % 100_000 < batch) {
                    System.out.printf("[bench]    %,d inserted, tree size %,d%n", done, checkpointSize());
                }
            }
        }
        double inserted = (System.nanoTime() - t0) / 1e9;
        long target = options.pad;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long size;
        long lastPrint = System.nanoTime();
        while ((size = checkpointSize()) < target && System.nanoTime() < deadline) {
            if (System.nanoTime() - lastPrint > 10e9) {
                System.out.printf("[bench]    tree size %,d of %,d%n", size, target);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(200);
        }
        double integrated = (System.nanoTime() - t0) / 1e9;
        rows.add(new Row("d", "pad: entries inserted over JDBC (batches of " + batch + ")",
            String.format(Locale.ROOT, "%,d in %.1f s", missing, inserted),
            fmt(missing / inserted) + " rows/s"));
        rows.add(new Row("d", "pad: sequencer caught up (tree size " + String.format(Locale.ROOT, "%,d", size) + ")",
            String.format(Locale.ROOT, "%.1f s after start", integrated),
            fmt(missing / integrated) + " entries/s integrated"));
    }

    private void proofs() throws Exception {
        long n = checkpointSize();
        byte[] root = Hashes.fromHex(checkpoint().path("rootHash").asText());
        SplittableRandom random = new SplittableRandom(5);
        System.out.printf("[bench] d. inclusion proofs over HTTP at tree size %,d ...%n", n);
        int warm = Math.min(200, options.proofs);
        for (int i = 0; i < warm; i++) {
            get("/api/v1/audit/proofs/inclusion?index=" + random.nextLong(n) + "&treeSize=" + n);
        }
        long[] lat = new long[options.proofs];
        for (int i = 0; i < options.proofs; i++) {
            long index = random.nextLong(n);
            long s = System.nanoTime();
            HttpResponse<String> r = get("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + n);
            lat[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("proof " + index + "/" + n + ": " + r.statusCode() + " " + r.body());
            }
        }
        Arrays.sort(lat);
        // Not timed: check a few proofs against the entries and the signed root, so the figure is of real proofs.
        int verified = 0;
        int checks = 20;
        for (int i = 0; i < checks; i++) {
            long index = random.nextLong(n);
            JsonNode proof = JSON.readTree(get("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + n)
                .body());
            JsonNode entry = JSON.readTree(get("/api/v1/audit/entries/" + index).body());
            List<byte[]> path = new ArrayList<>();
            proof.path("hashes").forEach(h -> path.add(Hashes.fromHex(h.asText())));
            byte[] leaf = Merkle.leafHash(entry.path("canonical").asText().getBytes(StandardCharsets.UTF_8));
            if (Merkle.verifyInclusion(index, n, leaf, path, root)) {
                verified++;
            }
        }
        double p50 = pct(lat, 50);
        double p99 = pct(lat, 99);
        double avg = Arrays.stream(lat).average().orElse(Double.NaN) / 1e6;
        rows.add(new Row("d", String.format(Locale.ROOT, "inclusion proof over HTTP, N = %,d: p50 / p99", n),
            ms(p50) + " / " + ms(p99),
            String.format(Locale.ROOT, "avg %s; %d sequential requests; %d/%d verified against the checkpoint",
                ms(avg), options.proofs, verified, checks)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // e. Gas: batch anchoring vs one transaction per event

    private void platformAnchors() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                 "select count(*), coalesce(sum(gas_used), 0), coalesce(max(tree_size), 0) from ledger.audit_anchor")) {
            rs.next();
            long count = rs.getLong(1);
            long gas = rs.getLong(2);
            long size = rs.getLong(3);
            if (count > 0) {
                rows.add(new Row("e", "platform's own anchors during the run (anchor worker)",
                    String.format(Locale.ROOT, "%d anchors up to size %,d", count, size),
                    String.format(Locale.ROOT, "%,.0f gas/anchor, %.2f gas/event", (double) gas / count,
                        (double) gas / size)));
            }
        }
    }

    private void gas() throws IOException {
        System.out.printf("[bench] e. gas: %d single-event anchors, then batches of 100 and 10,000 ...%n",
            options.anchors);
        try (AnchorGasClient chain = new AnchorGasClient(settings.chainRpcUrl(), BENCH_CHAIN_KEY, settings.chainId(),
            settings.projectDir().resolve("ledger/target/solidity/AuditAnchor.bin"))) {
            String contract = chain.deploy();
            long size = 0;
            long baselineGas = 0;
            for (int i = 0; i < options.anchors; i++) {
                size += 1;
                baselineGas += chain.anchor(contract, size, root(size));
            }
            double perEvent = (double) baselineGas / options.anchors;
            rows.add(new Row("e", "baseline: one chain tx per event (" + options.anchors + " anchors of 1)",
                String.format(Locale.ROOT, "%,.0f gas/event", perEvent), "1 (baseline)"));
            for (int step : new int[] {100, 10_000}) {
                int count = 5;
                long gas = 0;
                for (int i = 0; i < count; i++) {
                    size += step;
                    gas += chain.anchor(contract, size, root(size));
                }
                double perAnchor = (double) gas / count;
                double ev = perAnchor / step;
                rows.add(new Row("e", String.format(Locale.ROOT, "batch %,d: gas/anchor, gas/event", step),
                    String.format(Locale.ROOT, "%,.0f, %,.2f", perAnchor, ev),
                    String.format(Locale.ROOT, "1/%,.0f of baseline per event", perEvent / ev)));
            }
        }
    }

    private static byte[] root(long size) {
        return Hashes.sha256(("bench root " + size).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output

    private void print() {
        int w = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        int v = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
        String fmt = "%-3s %-" + w + "s  %" + v + "s  %9s  %s%n";
        System.out.println();
        System.out.println("== Copartner PlatformBench (" + options.threads + " threads, " + options.seconds
            + " s per load, " + Runtime.getRuntime().availableProcessors() + " cores, load avg " + loadAverage()
            + ") ==");
        System.out.printf(fmt, "", "figure", "value", "/ GET/s", "ratio / note");
        for (Row r : rows) {
            String vsGet = getBaseline == null || Double.isNaN(r.perSecond()) ? ""
                : String.format(Locale.ROOT, "x %.3f", r.perSecond() / getBaseline.perSecond());
            System.out.printf(fmt, r.section(), r.figure(), r.value(), vsGet, r.ratio());
        }
        System.out.println();
    }

    static void report(Load.Result r, String what) {
        System.out.printf(Locale.ROOT, "[bench]    %s: %,d ops in %.0f s = %,.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s%n",
            what, r.ops(), r.seconds(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors(),
            r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%,.0f", d);
    }

    private static String fmt1(double d) {
        return String.format(Locale.ROOT, "%,.1f", d);
    }

    static String ms(double d) {
        if (d >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", d / 1000);
        }
        return String.format(Locale.ROOT, "%.2f ms", d);
    }

    /** The 1-minute load average (other builds on the machine change every figure here). */
    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
    }

    private static String pgRatio(Load.Result r, Load.Result pg) {
        return pg == null ? "" : ratio(r.perSecond(), pg.perSecond()) + " of PG commits/s";
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "x %.3f", a / b);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plumbing

    /**
     * An audit entry in RFC 8785 canonical form, as AuditTrailService writes them ({v, type, subject, time,
     * payload}); ASCII strings and integers only, so sorting the keys is all canonicalisation needs.
     */
    static String canonicalEntry(String type, String subject, Instant time, long n) {
        return "{\"payload\":{\"bench\":true,\"n\":" + n + "},\"subject\":\"" + subject + "\",\"time\":\""
            + ISO.format(time) + "\",\"type\":\"" + type + "\",\"v\":1}";
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    private String setting(String name) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("select current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private Instant dbNow() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private void waitForFirstCheckpoint() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/api/v1/audit/checkpoint");
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no audit checkpoint after 2 minutes");
    }

    private JsonNode checkpoint() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/audit/checkpoint"))
            .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("checkpoint: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private long checkpointSize() throws Exception {
        return checkpoint().path("treeSize").asLong();
    }

    String token(String user, String password) throws Exception {
        String form = "grant_type=password&client_id=copartner-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.keycloakUrl()
                + "/realms/copartner/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A payment provider's webhook: no token, its signature header. */
    HttpResponse<String> webhook(String path, String signature, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("Copartner-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String idempotencyKey, String json)
        throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
