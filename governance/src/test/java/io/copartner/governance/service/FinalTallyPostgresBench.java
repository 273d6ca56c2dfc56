package io.copartner.governance.service;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.persistence.VotesStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Figures, never assertions (DESIGN.md §6): the final tally as the platform runs it, {@link VotingBoothService}
 * over {@link VotesStore} on a real PostgreSQL, for {@code ballots} ballots (one per voter, ~350-character JWS) and
 * {@code delegations} statements in force (two shares each), everything written by SQL before the timing. Times the
 * whole {@code finalizeTally}: the database read in receive order with the JWS, {@code ballotsHash}, the rule, the
 * audit record and the final row; once on a cold snapshot cache (the snapshot read and indexed too, as on a freshly
 * started instance) and then with the snapshot cached (as on the instance that took the ballots). Autocommit is off
 * as under JTA, so the ballots stream through a cursor. GC time inside each timing is printed beside it.
 * Run: {@code java -cp governance/target/test-classes:governance/target/classes:<test class path>
 * io.copartner.governance.service.FinalTallyPostgresBench [ballots] [delegations] [rounds]}.
 */
public final class FinalTallyPostgresBench {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private FinalTallyPostgresBench() {
    }

    public static void main(String[] args) throws Exception {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int delegations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path target = Path.of("governance/target").toAbsolutePath();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("bench-pg-data"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run")).toString())
            .setServerConfig("fsync", "off") // the fixture's load, not a figure
            .setPGStartupWait(Duration.ofSeconds(60))
            .start()) {
            DataSource db = transactional(pg.getPostgresDatabase());
            Flyway.configure(FinalTallyPostgresBench.class.getClassLoader())
                .dataSource(pg.getPostgresDatabase()).schemas("governance").createSchemas(true)
                .locations("classpath:db/migration/governance").load().migrate();
            UUID proposal = UUID.randomUUID();
            long t = System.nanoTime();
            fixture(pg.getPostgresDatabase(), proposal, ballots, delegations);
            System.out.printf(Locale.ROOT, "fixture: %,d ballots, %,d voters, %,d statements in force written in %.1f s%n",
                ballots, ballots + delegations, delegations, (System.nanoTime() - t) / 1e9);
            ProposalFacts facts = new ProposalFacts(proposal, ProposalKind.GENERAL, ProposalFacts.ProposalStatus.ACTIVE,
                "did:key:author", WeightStrategy.CAPPED_CONTRIBUTION, 1000, 5000, 0, T0, T0.plusSeconds(7 * 86_400),
                null, 1000, 86_400);
            VotesStore store = new VotesStore(db);
            SnapshotCache warm = new SnapshotCache(store); // filled by the first round's cold run, kept after
            for (int round = 1; round <= rounds; round++) {
                System.gc();
                long tr = System.nanoTime();
                long[] bytes = {0};
                store.eachBallotForTally(proposal, facts.votingEndsAt(), (voter, choice, jws, before) ->
                    bytes[0] += jws.length);
                System.out.printf(Locale.ROOT, "round %d: the tally's read alone (rows fetched, nothing computed) "
                        + "%.2f s, %,d MB of JWS; load avg %.1f%n", round, (System.nanoTime() - tr) / 1e9,
                    bytes[0] >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.gc();
                long gcBefore = gcMillis();
                long tb = System.nanoTime();
                String before = previousPass(store, warm.get(proposal), proposal, facts.votingEndsAt());
                System.out.printf(Locale.ROOT, "round %d, snapshot cached: the pass as before (every column, a String "
                        + "and a timestamp decoded per row) %.2f s (GC %d ms) [%s]; load avg %.1f%n", round,
                    (System.nanoTime() - tb) / 1e9, gcMillis() - gcBefore, before,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                for (boolean cold : new boolean[] {true, false}) {
                    if (round == 1 && cold) {
                        warm.get(proposal); // outside the timing: what the instance that took the ballots holds
                    }
                    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                        s.execute("update governance.vote_snapshot set final = false");
                    }
                    VotingBoothService booth = booth(store, facts, cold ? new SnapshotCache(store) : warm);
                    System.gc(); // the fixture's garbage is not the tally's
                    long gc0 = gcMillis();
                    long t0 = System.nanoTime();
                    TallyView v = booth.finalizeTally(facts);
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "round %d, %s: final tally %.2f s (GC %d ms) [for %d, against %d, "
                            + "abstain %d, ballotsHash %s…]; load avg %.1f%n", round,
                        cold ? "snapshot read and indexed (cold cache)" : "snapshot cached", s, gcMillis() - gc0,
                        v.forWeight(), v.againstWeight(), v.abstainWeight(), v.ballotsHash().substring(0, 8),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        }
    }

    /** VotingBoothService's pass before eachBallotForTally, kept here for the comparison in the same run. */
    static String previousPass(VotesStore store, io.copartner.governance.domain.WeightSnapshot snapshot, UUID proposal,
                               Instant endsAt) {
        byte[] choices = new byte[snapshot.size()];
        io.copartner.governance.domain.BallotsHash hash = new io.copartner.governance.domain.BallotsHash();
        store.eachBallot(proposal, true, b -> {
            hash.add(b.jws());
            if (b.receivedAt().isBefore(endsAt)) {
                int v = snapshot.indexOf(b.voter());
                if (v >= 0) {
                    choices[v] = io.copartner.governance.domain.TallyRule.code(b.choice());
                }
            }
        });
        var totals = io.copartner.governance.domain.TallyRule.compute(snapshot, choices);
        return "for " + totals.forWeight() + ", ballotsHash " + hash.hex().substring(0, 8) + "…";
    }

    static VotingBoothService booth(VotesStore store, ProposalFacts facts, SnapshotCache cache) {
        Fakes.Windows windows = new Fakes.Windows();
        windows.facts.put(facts.id(), facts);
        VotingBoothService booth = new VotingBoothService();
        booth.store = store;
        booth.audit = new Fakes.Audit();
        booth.auditLog = new io.copartner.ledger.api.AuditLog() {
            public SignedCheckpoint latestCheckpoint() { throw new UnsupportedOperationException(); }
            public java.util.Optional<Entry> entry(long index) { throw new UnsupportedOperationException(); }
            public OptionalLong leafIndexOf(long entryId) { return OptionalLong.of(entryId - 1); }
            public List<byte[]> inclusionProof(long index, long treeSize) { throw new UnsupportedOperationException(); }
            public List<byte[]> consistencyProof(long from, long to) { throw new UnsupportedOperationException(); }
            public List<Anchor> anchors(Long beforeTreeSize, int limit) { throw new UnsupportedOperationException(); }
            public CheckpointKey checkpointKey() { throw new UnsupportedOperationException(); }
            public SelfCheck selfCheck() { throw new UnsupportedOperationException(); }
        };
        booth.snapshots = cache;
        booth.windows = windows;
        booth.clock = java.time.Clock.systemUTC();
        return booth;
    }

    /** Everything by set-based SQL: voters, weights, statements with two shares, their snapshot rows, ballots. */
    static void fixture(DataSource db, UUID proposal, int ballots, int delegations) throws Exception {
        String did = "'did:key:z6Mk' || lpad(%s::text, 44, '0')";
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                insert into governance.vote_snapshot (proposal_id, kind, strategy, snapshot_at, total_eligible_weight,
                  weights_json, snapshot_hash, created_at) values (?, 'GENERAL', 'CAPPED_CONTRIBUTION', ?, 0, '{}',
                  repeat('0', 64), now())""")) {
                ps.setObject(1, proposal);
                ps.setTimestamp(2, Timestamp.from(T0));
                ps.executeUpdate();
            }
            exec(c, "insert into governance.vote_weight select ?, " + did.formatted("i") + ", b, 12500, b * 12500 / 10000"
                + " from (select i, 1 + (random() * 9999)::int b from generate_series(0, ? - 1) i) s", proposal,
                ballots + delegations);
            exec(c, "insert into governance.delegation_statement (delegator, jws, kinds, received_at, audit_entry_id)"
                + " select " + did.formatted("(? + d)") + ", 'eyJhbGciOiJFZERTQSJ9.' || repeat('d', 400) || d, '*',"
                + " ?::timestamptz - d * interval '1 second', d from generate_series(0, ? - 1) d", ballots,
                Timestamp.from(T0.minusSeconds(10)), delegations);
            exec(c, "insert into governance.delegation_share select seq, " + did.formatted("(random() * (? - 1))::int")
                + ", 6000 from governance.delegation_statement", ballots);
            exec(c, "insert into governance.delegation_share select seq, " + did.formatted("(random() * (? - 1))::int")
                + ", 3333 from governance.delegation_statement on conflict do nothing", ballots);
            exec(c, "insert into governance.snapshot_delegation select ?, seq from governance.delegation_statement",
                proposal);
            exec(c, "insert into governance.ballot (id, proposal_id, voter, choice, jws, received_at, audit_entry_id)"
                + " select gen_random_uuid(), ?, " + did.formatted("i") + ", (array['for','against','abstain'])[1 + i % 3],"
                + " 'eyJhbGciOiJFZERTQSJ9.' || repeat('x', 330) || i, ?::timestamptz + i * interval '1 millisecond', i"
                + " from generate_series(0, ? - 1) i", proposal, Timestamp.from(T0.plusSeconds(1)), ballots);
            exec(c, "vacuum analyze governance.ballot");
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    /** Connections as under JTA: autocommit off, committed when closed. */
    static DataSource transactional(DataSource plain) {
        InvocationHandler ds = (proxy, m, a) -> {
            if (m.getName().equals("getConnection")) {
                Connection c = (Connection) m.invoke(plain, a);
                c.setAutoCommit(false);
                return Proxy.newProxyInstance(FinalTallyPostgresBench.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, cm, ca) -> {
                        if (cm.getName().equals("close")) {
                            c.commit();
                        }
                        return cm.invoke(c, ca);
                    });
            }
            return m.invoke(plain, a);
        };
        return (DataSource) Proxy.newProxyInstance(FinalTallyPostgresBench.class.getClassLoader(),
            new Class<?>[] {DataSource.class}, ds);
    }

    static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }
}
