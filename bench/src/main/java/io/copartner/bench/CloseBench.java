package io.copartner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * p. The period close of {@code --partners} partners (default 10^6) with random contributions, timed through the
 * admin API's progress. Seeded white-box, as the platform would hold them after a busy period: a CNY wallet per partner
 * (ledger account + commerce wallet row; every buyer has one), one released order per partner (an
 * {@code economy.settlement.revenue} audit entry with valid canonical JSON and leaf hash, integrated by the sequencer
 * before the close starts, and its revenue row), each partner's spend weight, all of one ended period that becomes
 * visible in one commit. The pool's money is real: one order is released through the API (commerce opens
 * PARTNER_POOL), and the seeded orders' partner pool is posted into PARTNER_POOL over {@code POST /api/v1/ledger/entries}
 * (audited). Then the platform's own scheduler closes the period: allocation, 200 payouts per ledger entry with one
 * {@code economy.payout} audit entry each, the report. Printed: wall time per phase, payouts/s, the exact checks, and
 * Liberty's heap (jcmd) for "memory bounded". Nothing asserted.
 */
final class CloseBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform's period id: its start as yyyyMMdd'T'HHmmss'Z' (docs/economy.md). */
    private static final DateTimeFormatter PERIOD_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private final PlatformBench bench;
    private final PlatformBench.Options options;
    private final List<PlatformBench.Row> rows;
    private final EconomyBench economy;

    CloseBench(PlatformBench bench, PlatformBench.Options options, List<PlatformBench.Row> rows, EconomyBench economy) {
        this.bench = bench;
        this.options = options;
        this.rows = rows;
        this.economy = economy;
    }

    void run() throws Exception {
        for (long n : options.partners()) {
            run(n, "party:bench-close-" + n + "-");
        }
    }

    private void run(long n, String prefix) throws Exception {
        String admin = bench.token("admin", "admin");
        JsonNode policy = JSON.readTree(expect(bench.get("/api/v1/governance/policies/in-force"), 200, "policy")
            .body()).path("version").path("policy");
        long poolBps = policy.path("partnerPoolBps").asLong();
        long feeBps = policy.path("platformFeeBps").asLong();
        // One real release opens the platform's PARTNER_POOL account (commerce's own registry of it).
        economy.completedOrders(1, economy.shop());
        LibertyJvm heap = LibertyJvm.find();
        String liveBefore = heap == null ? "n/a" : heap.live();
        Period period;
        long seededPool;
        try (Connection c = bench.db()) {
            period = predecessorOfOldest(c);
            System.out.printf(Locale.ROOT, "[bench] p. seeding %,d partners into period %s [%s, %s) ...%n", n,
                period.id, period.start, period.end);
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select setseed(0.4242)");
                st.execute("create temp table bench_seed on commit preserve rows as select i, '" + prefix
                    + "' || lpad(i::text, 7, '0') as partner, (1 + floor(random() * 100000))::bigint as spend, "
                    + "gen_random_uuid() as order_id, nextval(pg_get_serial_sequence('ledger.audit_entry', 'id')) "
                    + "as audit_id from generate_series(1, " + n + ") i");
                // A wallet per partner, as WalletService opens it (ledger WALLET account + commerce.wallet row).
                st.execute("insert into ledger.account (id, owner, asset, kind, name, code, non_negative, balance, "
                    + "created_at) select gen_random_uuid(), partner, 'CNY', 'WALLET', 'wallet CNY', null, true, 0, "
                    + "now() from bench_seed");
                st.execute("insert into commerce.wallet (owner, asset, account_id, created_at) select owner, asset, "
                    + "id, created_at from ledger.account where owner like '" + prefix + "%' and kind = 'WALLET'");
            }
            c.commit();
            double wallets = (System.nanoTime() - t0) / 1e9;
            // The orders' revenue entries, exactly as Contributions.onSettled records them (canonical JSON, sorted keys).
            String time = period.start.plusSeconds(1).toString();
            String subject = "settlement-period:" + period.id;
            try (PreparedStatement ps = c.prepareStatement("insert into ledger.audit_entry (id, type, subject, "
                + "canonical, leaf_hash, recorded_at) select audit_id, 'economy.settlement.revenue', ?, canonical, "
                + "sha256('\\x00'::bytea || convert_to(canonical, 'UTF8')), ? from (select audit_id, "
                + "'{\"payload\":{\"asset\":\"CNY\",\"orderId\":\"' || order_id || '\",\"partner\":\"' || partner "
                + "|| '\",\"partnerPool\":\"' || (spend * ? / 10000) || '\",\"periodId\":\"' || ? "
                + "|| '\",\"platformFee\":\"' || (spend * ? / 10000) || '\",\"revenue\":\"' || spend "
                + "|| '\",\"spend\":\"' || spend || '\"},\"subject\":\"' || ? || '\",\"time\":\"' || ? "
                + "|| '\",\"type\":\"economy.settlement.revenue\",\"v\":1}' as canonical from bench_seed) s")) {
                ps.setString(1, subject);
                ps.setTimestamp(2, Timestamp.from(period.start.plusSeconds(1)));
                ps.setLong(3, poolBps);
                ps.setString(4, period.id);
                ps.setLong(5, feeBps);
                ps.setString(6, subject);
                ps.setString(7, time);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("insert into ledger.audit_pending (entry_id) select audit_id from bench_seed");
            }
            c.commit();
            seededPool = single(c, "select sum(spend * " + poolBps + " / 10000) from bench_seed");
            double entries = (System.nanoTime() - t0) / 1e9 - wallets;
            long t1 = System.nanoTime();
            awaitSequencer(c);
            double sequenced = (System.nanoTime() - t1) / 1e9;
            rows.add(new PlatformBench.Row("p", String.format(Locale.ROOT, "seed: %,d wallets; %,d revenue audit "
                    + "entries; sequencer drained", n, n), String.format(Locale.ROOT, "%.1f s; %.1f s; %.1f s",
                wallets, entries, sequenced), "white-box seed, not a platform figure"));

            // The pool's money: the seeded orders' partner pool into PARTNER_POOL, over the audited ledger API.
            String pool = String.valueOf(single(c, "select id from ledger.account where owner = 'party:platform' and "
                + "kind = 'PARTNER_POOL' and asset = 'CNY'", rs -> rs.getObject(1)));
            expect(bench.post("/api/v1/ledger/entries", admin, UUID.randomUUID().toString(), JSON.writeValueAsString(
                Map.of("memo", "bench: partner pool of the seeded period " + period.id, "postings", List.of(
                    Map.of("accountId", "00000000-0000-7000-8000-000000000003", "asset", "CNY", "amount", -seededPool),
                    Map.of("accountId", pool, "asset", "CNY", "amount", seededPool))))), 201, "fund PARTNER_POOL");

            // The period, its orders and weights in one commit: the scheduler sees all of it or none.
            try (Statement st = c.createStatement()) {
                st.execute("insert into economy.settlement_period (id, start_at, end_at) values ('" + period.id
                    + "', '" + period.start + "', '" + period.end + "')");
                st.execute("insert into economy.settlement_revenue (order_id, period_id, asset, buyer, revenue, "
                    + "platform_fee, partner_pool, audit_entry) select order_id, '" + period.id + "', 'CNY', partner, "
                    + "spend, spend * " + feeBps + " / 10000, spend * " + poolBps + " / 10000, audit_id from bench_seed");
                st.execute("insert into economy.settlement_weight (period_id, asset, partner, spend, referrals) "
                    + "select '" + period.id + "', 'CNY', partner, spend, 0 from bench_seed");
            }
            LibertyJvm.Sampler sampler = heap == null ? null : heap.sample("PeriodClose");
            long committed = System.nanoTime();
            c.commit();
            close(period, n, prefix, seededPool, heap, liveBefore, sampler, committed);
        }
    }

    private void close(Period period, long n, String prefix, long seededPool, LibertyJvm heap, String liveBefore,
                       LibertyJvm.Sampler sampler,
                       long committed) throws Exception {
        String admin = bench.token("admin", "admin");
        long closing = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(45).toNanos();
        long paidAll = 0;
        long lastPrint = 0;
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = bench.get("/api/v1/admin/settlement/periods/" + period.id, admin);
            if (r.statusCode() == 401) {
                admin = bench.token("admin", "admin");
                continue;
            }
            view = JSON.readTree(expect(r, 200, "period").body());
            String state = view.path("state").asText();
            if (closing == 0 && !state.equals("OPEN")) {
                closing = System.nanoTime();
            }
            if (state.equals("CLOSED")) {
                break;
            }
            long total = view.path("partnersTotal").asLong();
            if (paidAll == 0 && total > 0 && view.path("partnersDone").asLong() == total) {
                paidAll = System.nanoTime();
            }
            if (closing == 0 && System.nanoTime() - committed > Duration.ofMinutes(3).toNanos()) {
                break; // the allocation (one transaction) never commits: rolled back each tick
            }
            if (paidAll > 0 && System.nanoTime() - paidAll > Duration.ofMinutes(5).toNanos()) {
                break; // every payout paid, but the settle step (the report is built in it) does not commit
            }
            if (System.nanoTime() - lastPrint > 10e9) {
                System.out.printf(Locale.ROOT, "[bench]    %s: %,d of %,d partners paid, %.0f s%n", state,
                    view.path("partnersDone").asLong(), view.path("partnersTotal").asLong(),
                    (System.nanoTime() - committed) / 1e9);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(100);
        }
        long closed = System.nanoTime();
        String peak = sampler == null ? "n/a" : sampler.stop();
        String liveAfter = heap == null ? "n/a" : heap.live();
        double allocate = closing == 0 ? Double.NaN : (closing - committed) / 1e9;
        double paying = paidAll == 0 ? Double.NaN : (paidAll - closing) / 1e9;
        if (view == null || !view.path("state").asText().equals("CLOSED")) {
            rows.add(new PlatformBench.Row("p", String.format(Locale.ROOT, "period close of %,d partners", n),
                "NOT CLOSED", String.format(Locale.ROOT, "after %.0f s: allocation %.1f s, payouts %.1f s (%,d of %,d);"
                    + " %s did not commit: see Liberty's messages.log",
                    (closed - committed) / 1e9, allocate, paying, view == null ? 0 : view.path("partnersDone").asLong(),
                    view == null ? 0 : view.path("partnersTotal").asLong(), closing == 0
                        ? "the allocation (one transaction, 30 s lifetime)" : "the settle step (the report is built in it)")));
            if (sampler != null) {
                rows.add(new PlatformBench.Row("p", "  Liberty heap: live before / peak sampled during / live after",
                    liveBefore + " / " + peak + " / " + liveAfter, "-Xmx768m"));
                rows.add(new PlatformBench.Row("p", "  where the close's thread was (jcmd Thread.print samples)", "",
                    sampler.hotspots(8)));
            }
            return;
        }
        double total = (closed - committed) / 1e9;
        double settle = paidAll == 0 ? Double.NaN : (closed - paidAll) / 1e9;
        rows.add(new PlatformBench.Row("p", String.format(Locale.ROOT, "period close of %,d partners: commit -> CLOSED",
            n), String.format(Locale.ROOT, "%.1f s", total), String.format(Locale.ROOT,
            "goal < 10 s; %,.0f payouts/s overall; allocation (commit -> CLOSING) %.1f s, payouts %.1f s "
                + "(%,.0f/s), settle + report %.1f s", n / total, allocate, paying, n / paying, settle), n / total));
        long paidPayouts;
        try (Connection c = bench.db()) {
            long payouts = single(c, "select count(*) from economy.settlement_payout where period_id = '" + period.id
                + "' and status = 'PAID'");
            long paid = single(c, "select coalesce(sum(amount), 0) from economy.settlement_payout where period_id = '"
                + period.id + "'");
            long distributed = single(c, "select distributed from economy.settlement_pool where period_id = '"
                + period.id + "' and asset = 'CNY'");
            long undistributed = single(c, "select undistributed from economy.settlement_pool where period_id = '"
                + period.id + "' and asset = 'CNY'");
            long poolOf = single(c, "select inflow + carried_in from economy.settlement_pool where period_id = '"
                + period.id + "' and asset = 'CNY'");
            long wallets = single(c, "select coalesce(sum(balance), 0) from ledger.account where owner like '"
                + prefix + "%'");
            long[] audited = new long[2];
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*), coalesce(sum(("
                + "canonical::jsonb #>> '{payload,amount}')::bigint), 0) from ledger.audit_entry where type = "
                + "'economy.payout' and subject = 'settlement-period:" + period.id + "'")) {
                rs.next();
                audited[0] = rs.getLong(1);
                audited[1] = rs.getLong(2);
            }
            paidPayouts = payouts;
            boolean exact = paid == distributed && distributed + undistributed == poolOf && poolOf == seededPool
                && audited[1] == distributed && audited[0] == payouts && wallets == distributed;
            rows.add(new PlatformBench.Row("p", "  exact: sum(payouts) = distributed; distributed + undistributed = pool",
                exact ? "yes" : "NO", String.format(Locale.ROOT, "%,d payouts, sum %,d = distributed %,d; + undistributed"
                    + " %,d = pool %,d (seeded %,d); %,d economy.payout entries summing %,d; wallets hold %,d",
                    payouts, paid, distributed, undistributed, poolOf, seededPool, audited[0], audited[1], wallets)));
        }
        rows.add(new PlatformBench.Row("p", "  Liberty heap: live before / peak sampled during / live after",
            liveBefore + " / " + peak + " / " + liveAfter, "jcmd GC.heap_info (live = after GC.run); -Xmx768m"));
        if (sampler != null) {
            rows.add(new PlatformBench.Row("p", "  where the close's thread was (jcmd Thread.print samples)", "",
                sampler.hotspots(8)));
        }
        reportSigned(period.id, paidPayouts); // partners whose exact share rounds to 0 get no payout
    }

    /**
     * How long until the period's signed report is served (it waits for the sequencer to integrate the payouts), its
     * size, and whether it checks out as a third party would check it: the payout figures cite every payout, and the
     * detached JWS verifies over the RFC 8785 form of the report without signature with the did:web key.
     */
    private void reportSigned(String periodId, long payouts) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = bench.get("/api/v1/reports/" + periodId);
            if (r.statusCode() == 200) {
                double served = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                HttpResponse<String> again = bench.get("/api/v1/reports/" + periodId);
                double secondRead = (System.nanoTime() - t1) / 1e9;
                rows.add(new PlatformBench.Row("p", "  signed report served after CLOSED", String.format(Locale.ROOT,
                    "%.1f s", served), String.format(Locale.ROOT, "%,d bytes; served again (signed) in %.1f s%s",
                    r.body().length(), secondRead, again.body().equals(r.body()) ? "" : ", DIFFERENT bytes")));
                rows.add(new PlatformBench.Row("p", "  report checks out (proofs cite every payout; JWS verifies)",
                    checksOut(r.body(), payouts), ""));
                return;
            }
            Thread.sleep(500);
        }
        rows.add(new PlatformBench.Row("p", "  signed report served after CLOSED", "not within 5 min", ""));
    }

    private String checksOut(String text, long payouts) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode report =
            (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text);
        long cited = 0;
        for (JsonNode p : report.path("proofs")) {
            if (p.path("figure").asText().equals("/payouts/count")) {
                cited = p.path("auditIndexes").size();
            }
        }
        String jws = report.remove("signature").asText();
        String[] parts = jws.split("\\.", -1);
        byte[] payload = io.copartner.kernel.json.CanonicalJson.canonicalBytes(JSON.writeValueAsString(report));
        JsonNode header = JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[0]));
        String x = null;
        for (JsonNode m : JSON.readTree(expect(bench.get("/.well-known/did.json"), 200, "DID document").body())
            .path("verificationMethod")) {
            if (m.path("id").asText().equals(header.path("kid").asText())) {
                x = m.path("publicKeyJwk").path("x").asText();
            }
        }
        byte[] input = (parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.bouncycastle.crypto.signers.Ed25519Signer verifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
        verifier.init(false, new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(
            java.util.Base64.getUrlDecoder().decode(x), 0));
        verifier.update(input, 0, input.length);
        boolean verifies = x != null && parts[1].isEmpty()
            && verifier.verifySignature(java.util.Base64.getUrlDecoder().decode(parts[2]));
        boolean canonical = new String(payload, java.nio.charset.StandardCharsets.UTF_8).length()
            == text.length() - jws.length() - ",\"signature\":\"\"".length();
        return (cited == payouts && verifies ? "yes" : "NO") + String.format(Locale.ROOT,
            " (/payouts/count cites %,d of %,d payouts; JWS %s; served bytes canonical: %s)", cited, payouts,
            verifies ? "verifies" : "does NOT verify", canonical ? "yes" : "no");
    }

    private record Period(String id, Instant start, Instant end) {
    }

    /** The period before the oldest one the platform keeps: ended, contiguous, and nobody else writes to it. */
    private static Period predecessorOfOldest(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "select start_at, end_at from economy.settlement_period order by start_at limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no settlement period yet");
            }
            Instant start = rs.getTimestamp(1).toInstant();
            Duration length = Duration.between(start, rs.getTimestamp(2).toInstant());
            Instant s = start.minus(length);
            return new Period(PERIOD_ID.format(s), s, start);
        }
    }

    private void awaitSequencer(Connection c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        long last = System.nanoTime();
        long pending;
        while ((pending = single(c, "select count(*) from ledger.audit_pending")) > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() - last > 10e9) {
                System.out.printf(Locale.ROOT, "[bench]    sequencer: %,d entries pending%n", pending);
                last = System.nanoTime();
            }
            c.commit();
            Thread.sleep(500);
        }
        c.commit();
    }

    interface Reader {
        Object read(ResultSet rs) throws SQLException;
    }

    private static long single(Connection c, String sql) throws SQLException {
        return ((Number) single(c, sql, rs -> rs.getLong(1))).longValue();
    }

    private static Object single(Connection c, String sql, Reader reader) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return reader.read(rs);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
