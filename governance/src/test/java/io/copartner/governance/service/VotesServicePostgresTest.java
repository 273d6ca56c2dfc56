package io.copartner.governance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.governance.Wallet;
import io.copartner.governance.api.Contributions;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.Votes;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.domain.BallotClaims;
import io.copartner.governance.domain.Choice;
import io.copartner.governance.domain.DelegationClaims;
import io.copartner.governance.persistence.BallotStatements;
import io.copartner.governance.persistence.VotesStore;
import io.copartner.identity.service.DidSignaturesService;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ballots, delegation statements, snapshot and tallies through the real services and SQL (V2__votes.sql) on a real
 * PostgreSQL; the lifecycle's half of the seam, the roster and the audit trail are test doubles.
 */
class VotesServicePostgresTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final AtomicLong NONCES = new AtomicLong();

    static EmbeddedPostgres pg;
    static DataSource db;

    Fakes.MutableClock clock;
    Fakes.Windows windows;
    Fakes.Roster roster;
    Fakes.Audit audit;
    Map<String, Long> spend;
    Set<String> holders;
    VotesService votes;
    VotingBoothService booth;
    ActiveProposals active;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run")).toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        Flyway.configure(VotesServicePostgresTest.class.getClassLoader())
            .dataSource(db).schemas("governance").createSchemas(true)
            .locations("classpath:db/migration/governance").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void wire() {
        clock = new Fakes.MutableClock(T0);
        windows = new Fakes.Windows();
        roster = new Fakes.Roster();
        audit = new Fakes.Audit();
        spend = new HashMap<>();
        holders = new java.util.HashSet<>();
        VotesStore store = new VotesStore(db);
        SnapshotCache snapshots = new SnapshotCache(store);
        AuditLog log = auditLog();
        booth = new VotingBoothService();
        booth.store = store;
        booth.roster = roster;
        booth.contributions = (members, from, to) -> {
            Map<String, Long> m = new HashMap<>();
            for (Contributions.Contributor c : members) {
                if (spend.containsKey(c.did())) {
                    m.put(c.did(), spend.get(c.did()));
                }
            }
            return m;
        };
        booth.memberships = at -> holders;
        booth.audit = audit;
        booth.auditLog = log;
        booth.snapshots = snapshots;
        booth.windows = windows;
        booth.clock = clock;
        active = new ActiveProposals(windows);
        BallotWriter writer = new BallotWriter();
        writer.store = store;
        writer.statements = new BallotStatements(db);
        writer.active = active;
        writer.audit = audit;
        writer.clock = clock;
        LiveTallies live = new LiveTallies();
        live.store = store;
        live.snapshots = snapshots;
        votes = new VotesService();
        votes.signatures = new DidSignaturesService();
        votes.windows = windows;
        votes.active = active;
        votes.writer = writer;
        votes.store = store;
        votes.snapshots = snapshots;
        votes.live = live;
        votes.booth = booth;
        votes.auditLog = log;
        votes.clock = clock;
    }

    /** Leaf index = entry id - 1, as if the sequencer had integrated everything. */
    AuditLog auditLog() {
        return new AuditLog() {
            public SignedCheckpoint latestCheckpoint() { throw new UnsupportedOperationException(); }
            public java.util.Optional<Entry> entry(long index) { throw new UnsupportedOperationException(); }
            public OptionalLong leafIndexOf(long entryId) { return OptionalLong.of(entryId - 1); }
            public List<byte[]> inclusionProof(long index, long treeSize) { throw new UnsupportedOperationException(); }
            public List<byte[]> consistencyProof(long from, long to) { throw new UnsupportedOperationException(); }
            public List<Anchor> anchors(Long beforeTreeSize, int limit) { throw new UnsupportedOperationException(); }
            public CheckpointKey checkpointKey() { throw new UnsupportedOperationException(); }
            public SelfCheck selfCheck() { throw new UnsupportedOperationException(); }
        };
    }

    ProposalFacts proposal(ProposalKind kind, WeightStrategy strategy, int quorumBps, String merchant) {
        UUID id = UUID.randomUUID();
        ProposalFacts f = new ProposalFacts(id, kind, ProposalFacts.ProposalStatus.ACTIVE, "did:key:author", strategy,
            quorumBps, 5000, 0, T0, T0.plusSeconds(600), merchant, 1000, 86_400);
        put(f);
        return f;
    }

    /** The proposal's facts as the lifecycle has them: the fake windows and the lifecycle's row. */
    void put(ProposalFacts f) {
        windows.facts.put(f.id(), f);
        ProposalRows.put(db, f);
    }

    ProposalFacts open(ProposalFacts f) {
        booth.openVoting(f);
        return f;
    }

    static Map<String, Object> ballot(UUID proposal, Wallet w, String choice, long issuedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposal", proposal.toString());
        m.put("choice", choice);
        m.put("voter", w.did());
        m.put("issuedAt", issuedAt);
        m.put("nonce", "nonce-" + String.format("%012d", NONCES.incrementAndGet()));
        return m;
    }

    Votes.BallotAccepted vote(ProposalFacts f, Wallet w, String choice) {
        return votes.castBallot(f.id(), w.sign(BallotClaims.TYP, ballot(f.id(), w, choice,
            clock.instant().getEpochSecond())), w.did());
    }

    void delegate(Wallet from, List<String> kinds, Object... delegateAndBps) {
        List<Map<String, Object>> shares = new ArrayList<>();
        for (int i = 0; i < delegateAndBps.length; i += 2) {
            shares.add(Map.of("delegate", ((Wallet) delegateAndBps[i]).did(), "shareBps", delegateAndBps[i + 1]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delegator", from.did());
        m.put("delegations", shares);
        m.put("kinds", kinds);
        m.put("issuedAt", clock.instant().getEpochSecond());
        m.put("nonce", "nonce-" + String.format("%012d", NONCES.incrementAndGet()));
        votes.putDelegation(from.sign(DelegationClaims.TYP, m), from.did());
    }

    static void refused(ProblemType type, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call::execute);
        assertEquals(type.uri(), e.problem().type(), e.getMessage());
        assertEquals(type.status(), e.problem().status());
    }

    @FunctionalInterface
    interface Executable {
        void execute() throws Throwable;
    }

    Wallet member(Instant since) {
        Wallet w = Wallet.ed25519();
        roster.add(w.did(), since);
        return w;
    }

    @Test
    void ballotsAreAcceptedReplacedListedAndTalliedWithDelegationAndOverride() throws Exception {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = Wallet.secp256k1();
        roster.add(b.did(), T0.minusSeconds(3600));
        Wallet c = member(T0.minusSeconds(3600));
        Wallet late = member(T0.plusSeconds(1));
        clock.now = T0.minusSeconds(120);
        delegate(c, List.of("*"), a, 6000, b, 4000);
        clock.now = T0;
        ProposalFacts f = open(proposal(ProposalKind.GENERAL, WeightStrategy.ONE_MEMBER_ONE_VOTE, 6000, null));

        clock.now = T0.plusSeconds(10);
        Votes.BallotAccepted first = vote(f, a, "for");
        assertNull(first.replaces());
        clock.now = T0.plusSeconds(20);
        Votes.BallotAccepted second = vote(f, a, "against");
        assertEquals(first.ballotId(), second.replaces());
        vote(f, b, "for");
        refused(ProblemType.NOT_ELIGIBLE, () -> vote(f, late, "for"));

        // c delegates 60 % to a and 40 % to b (1 each, floor: 0 + 0), so each gets floor(1 × bps) = 0
        Votes.Tally live = votes.tally(f.id()).orElseThrow();
        assertFalse(live.isFinal());
        assertEquals(1, live.forWeight());
        assertEquals(1, live.againstWeight());
        assertEquals(3, live.totalEligibleWeight());

        Votes.BallotPage page = votes.ballots(f.id(), null, 2);
        assertEquals(2, page.items().size());
        assertFalse(page.items().get(0).counted(), "the replaced ballot is listed, not counted");
        assertTrue(page.items().get(1).counted());
        assertNotNull(page.next());
        Votes.BallotPage rest = votes.ballots(f.id(), page.next(), 2);
        assertEquals(1, rest.items().size());
        assertNull(rest.next());

        // c votes itself: overrides its delegation
        vote(f, c, "abstain");
        assertTrue(votes.tally(f.id()).orElseThrow().quorumReached());
        assertEquals(List.of(T0.plusSeconds(20)), windows.quorumReports, "quorum reported once, when first reached");

        clock.now = T0.plusSeconds(600);
        refused(ProblemType.VOTING_CLOSED, () -> vote(f, b, "against"));
        var fin = booth.finalizeTally(f);
        assertTrue(fin.isFinal());
        assertEquals(1, fin.forWeight());
        assertEquals(1, fin.againstWeight());
        assertEquals(1, fin.abstainWeight());
        var again = booth.finalizeTally(f);
        assertEquals(List.of(fin.forWeight(), fin.againstWeight(), fin.abstainWeight()),
            List.of(again.forWeight(), again.againstWeight(), again.abstainWeight()), "finalizing twice changes nothing");
        assertEquals(fin.ballotsHash(), again.ballotsHash());
        Fakes.Audit.Entry entry = audit.entries.stream().filter(e -> e.type().equals("governance.tally.final"))
            .findFirst().orElseThrow();
        assertEquals(1, audit.entries.stream().filter(e -> e.type().equals("governance.tally.final")).count());
        assertEquals("1", entry.payload().get("for"));
        assertEquals(fin.ballotsHash(), entry.payload().get("ballotsHash"));
        Votes.Tally finalTally = votes.tally(f.id()).orElseThrow();
        assertEquals(entry.id() - 1, finalTally.auditIndex());

        // Independent recomputation of both hashes from the public documents
        List<String> jws = new ArrayList<>();
        votes.ballots(f.id(), null, 1000).items().forEach(x -> jws.add(x.ballot()));
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < jws.size(); i++) {
            array.append(i == 0 ? "" : ",").append('"').append(jws.get(i)).append('"');
        }
        assertEquals(sha256(CanonicalJson.canonicalize(array.append(']').toString())), finalTally.ballotsHash());
        String weights = votes.weights(f.id()).orElseThrow();
        String withoutHash = weights.replaceFirst("\"snapshotHash\":\"[0-9a-f]{64}\",", "");
        assertEquals(sha256(CanonicalJson.canonicalize(withoutHash)), finalTally.snapshotHash());
        assertTrue(weights.contains(votes.delegationOf(c.did()).orElseThrow().statement()), weights);
    }

    @Test
    void theBallotTransactionReadsWhetherVotingIsOpenFromTheLifecyclesRowNotFromTheCachedFacts() {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = member(T0.minusSeconds(3600));
        clock.now = T0.plusSeconds(10);
        ProposalFacts f = open(proposal(ProposalKind.GENERAL, WeightStrategy.ONE_MEMBER_ONE_VOTE, 10_000, null));
        Votes.BallotAccepted first = vote(f, a, "for");
        // Extended by the lifecycle (late quorum, possibly on another instance): the cached facts still say 600 s.
        ProposalFacts extended = new ProposalFacts(f.id(), f.kind(), f.state(), f.authorDid(), f.strategy(),
            f.quorumBps(), f.thresholdBps(), f.lateQuorumSeconds(), f.votingStartsAt(), T0.plusSeconds(900),
            f.listingMerchantDid(), f.contributionCap(), f.contributionWindowSeconds());
        ProposalRows.put(db, extended);
        clock.now = T0.plusSeconds(700);
        Votes.BallotAccepted second = vote(f, a, "against");
        assertEquals(first.ballotId(), second.replaces(), "the later ballot replaces the earlier one");
        // Canceled by the lifecycle while this instance still holds the facts as ACTIVE.
        ProposalRows.put(db, new ProposalFacts(f.id(), f.kind(), ProposalFacts.ProposalStatus.CANCELED, f.authorDid(),
            f.strategy(), f.quorumBps(), f.thresholdBps(), f.lateQuorumSeconds(), f.votingStartsAt(),
            T0.plusSeconds(900), f.listingMerchantDid(), f.contributionCap(), f.contributionWindowSeconds()));
        refused(ProblemType.VOTING_CLOSED, () -> vote(f, b, "for"));
        refused(ProblemType.VOTING_CLOSED, () -> vote(f, a, "abstain"));
        Votes.BallotPage page = votes.ballots(f.id(), null, 100);
        assertEquals(List.of(first.ballotId(), second.ballotId()),
            page.items().stream().map(Votes.PublishedBallot::ballotId).toList(), "refused ballots are never listed");
        assertEquals(List.of(false, true), page.items().stream().map(Votes.PublishedBallot::counted).toList(),
            "only the latest ballot counts");
        assertEquals(2, audit.entries.stream().filter(e -> e.type().equals("governance.ballot.accepted")).count(),
            "one audit entry per accepted ballot, none for a refused one");
    }

    @Test
    void theFinalTallyCountsBallotsReceivedStrictlyBeforeTheEndToTheMicrosecondAndHashesThemAll() throws Exception {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = member(T0.minusSeconds(3600));
        clock.now = T0;
        VotesStore store = new VotesStore(db);
        Instant end = T0.plusSeconds(600);
        // The same two ballots on two proposals: one received 1 µs before the end, one exactly at it; the second
        // proposal's end carries sub-microsecond digits (the ballot at `end` is then strictly before it).
        List<Long> counted = new ArrayList<>();
        for (Instant endsAt : List.of(end, end.plusNanos(1))) {
            ProposalFacts f = new ProposalFacts(UUID.randomUUID(), ProposalKind.GENERAL,
                ProposalFacts.ProposalStatus.ACTIVE, "did:key:author", WeightStrategy.ONE_MEMBER_ONE_VOTE, 0, 5000, 0, T0,
                endsAt, null, 1000, 86_400);
            put(f);
            open(f);
            store.insertBallot(UUID.randomUUID(), f.id(), a.did(), Choice.FOR, "eyJh.eyJi.c2ln", end.minusNanos(1000),
                null, 1);
            store.insertBallot(UUID.randomUUID(), f.id(), b.did(), Choice.AGAINST, "eyJh.eyJj.c2ln\u00e9", end, null, 2);
            var fin = booth.finalizeTally(f);
            assertEquals(1, fin.forWeight());
            counted.add(fin.againstWeight());
            assertEquals(sha256(CanonicalJson.canonicalize("[\"eyJh.eyJi.c2ln\",\"eyJh.eyJj.c2ln\u00e9\"]")),
                fin.ballotsHash(), "every ballot is hashed, counted or not, a non-base64url one canonically");
        }
        assertEquals(List.of(0L, 1L), counted, "received_at < votingEndsAt, exactly");
    }

    @Test
    void delegatedWeightFlowsToVotingDelegatesWithTiersAndCappedContributions() {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = member(T0.minusSeconds(3600));
        Wallet c = member(T0.minusSeconds(3600));
        roster.tiers.put(a.did(), 15_000);
        spend.put(a.did(), 5000L);  // capped at 1000, × 1.5 = 1500
        spend.put(b.did(), 333L);   // 333
        spend.put(c.did(), 777L);   // 777
        clock.now = T0.minusSeconds(60);
        delegate(a, List.of("GENERAL"), b, 3333, c, 3333);
        clock.now = T0;
        ProposalFacts f = open(proposal(ProposalKind.GENERAL, WeightStrategy.CAPPED_CONTRIBUTION, 1000, null));
        clock.now = T0.plusSeconds(5);
        vote(f, b, "for");
        vote(f, c, "against");
        Votes.Tally t = votes.tally(f.id()).orElseThrow();
        assertEquals(333 + 499, t.forWeight());     // floor(1500 × 0.3333) = 499
        assertEquals(777 + 499, t.againstWeight());
        assertEquals(1500 + 333 + 777, t.totalEligibleWeight());
        // a statement for another kind does not apply
        ProposalFacts other = open(proposal(ProposalKind.REVENUE_POLICY, WeightStrategy.CAPPED_CONTRIBUTION, 1000, null));
        vote(other, b, "for");
        assertEquals(333, votes.tally(other.id()).orElseThrow().forWeight());
    }

    @Test
    void aNewerStatementReplacesAndAnEmptyOneRevokes() {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = member(T0.minusSeconds(3600));
        clock.now = T0.minusSeconds(100);
        delegate(a, List.of("*"), b, 10_000);
        clock.now = T0.minusSeconds(50);
        delegate(a, List.of("*"));
        assertEquals(List.of(), votes.delegationOf(a.did()).orElseThrow().delegations());
        clock.now = T0;
        ProposalFacts f = open(proposal(ProposalKind.GENERAL, WeightStrategy.ONE_MEMBER_ONE_VOTE, 1000, null));
        clock.now = T0.plusSeconds(1);
        // after the snapshot: frozen out
        delegate(a, List.of("*"), b, 10_000);
        vote(f, b, "for");
        assertEquals(1, votes.tally(f.id()).orElseThrow().forWeight());
        assertEquals(1, votes.delegationOf(a.did()).orElseThrow().delegations().size());
    }

    @Test
    void quadraticCountsOnlyCredentialHoldersAndNoDelegation() {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet b = member(T0.minusSeconds(3600));
        holders.add(a.did());
        spend.put(a.did(), 10_001L); // floor(sqrt) = 100
        clock.now = T0.minusSeconds(60);
        delegate(b, List.of("*"), a, 10_000);
        clock.now = T0;
        ProposalFacts f = open(proposal(ProposalKind.GENERAL, WeightStrategy.QUADRATIC, 1000, null));
        clock.now = T0.plusSeconds(1);
        vote(f, a, "for");
        refused(ProblemType.NOT_ELIGIBLE, () -> vote(f, b, "for"));
        Votes.Tally t = votes.tally(f.id()).orElseThrow();
        assertEquals(100, t.forWeight());
        assertEquals(100, t.totalEligibleWeight());
    }

    @Test
    void everyRefusal() {
        Wallet a = member(T0.minusSeconds(3600));
        Wallet merchant = member(T0.minusSeconds(3600));
        Wallet other = Wallet.ed25519();
        clock.now = T0;
        ProposalFacts f = open(proposal(ProposalKind.PRODUCT_LISTING, WeightStrategy.ONE_MEMBER_ONE_VOTE, 1000,
            merchant.did()));
        clock.now = T0.plusSeconds(1);
        long now = clock.instant().getEpochSecond();
        refused(ProblemType.BALLOT_INVALID, () -> votes.castBallot(f.id(), "not-a-jws", a.did()));
        refused(ProblemType.BALLOT_INVALID, () -> votes.castBallot(f.id(),
            a.sign("JWT", ballot(f.id(), a, "for", now)), a.did()));
        refused(ProblemType.BALLOT_INVALID, () -> votes.castBallot(f.id(),
            a.sign(BallotClaims.TYP, ballot(f.id(), a, "maybe", now)), a.did()));
        refused(ProblemType.BALLOT_INVALID, () -> votes.castBallot(f.id(),
            a.sign(BallotClaims.TYP, ballot(UUID.randomUUID(), a, "for", now)), a.did()));
        refused(ProblemType.STATEMENT_STALE, () -> votes.castBallot(f.id(),
            a.sign(BallotClaims.TYP, ballot(f.id(), a, "for", now - 301)), a.did()));
        refused(ProblemType.STATEMENT_STALE, () -> votes.castBallot(f.id(),
            a.sign(BallotClaims.TYP, ballot(f.id(), a, "for", now + 301)), a.did()));
        // another key's kid, and a forged signature
        refused(ProblemType.SIGNATURE_INVALID, () -> votes.castBallot(f.id(),
            other.sign(BallotClaims.TYP, ballot(f.id(), a, "for", now)), a.did()));
        refused(ProblemType.SIGNATURE_INVALID, () -> votes.castBallot(f.id(),
            other.sign(BallotClaims.TYP, a.kid(), ballot(f.id(), a, "for", now)), a.did()));
        String good = a.sign(BallotClaims.TYP, ballot(f.id(), a, "for", now));
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        refused(ProblemType.SIGNATURE_INVALID, () -> votes.castBallot(f.id(), forged, a.did()));
        refused(ProblemType.SIGNER_MISMATCH, () -> votes.castBallot(f.id(), good, other.did()));
        refused(ProblemType.CONFLICT_OF_INTEREST, () -> votes.castBallot(f.id(),
            merchant.sign(BallotClaims.TYP, ballot(f.id(), merchant, "for", now)), merchant.did()));
        votes.castBallot(f.id(), good, a.did());
        refused(ProblemType.NONCE_REPLAYED, () -> votes.castBallot(f.id(), good, a.did()));
        // a nonce of a ballot cannot be used for a delegation statement either
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("delegator", a.did());
        statement.put("delegations", List.of());
        statement.put("kinds", List.of("*"));
        statement.put("issuedAt", now);
        statement.put("nonce", good.isEmpty() ? "" : nonceOf(good));
        refused(ProblemType.NONCE_REPLAYED, () -> votes.putDelegation(a.sign(DelegationClaims.TYP, statement), a.did()));
        refused(ProblemType.SIGNER_MISMATCH, () -> votes.putDelegation(a.sign(DelegationClaims.TYP, statement),
            other.did()));
        // before and after the window
        ProposalFacts pending = proposal(ProposalKind.GENERAL, WeightStrategy.ONE_MEMBER_ONE_VOTE, 1000, null);
        put(new ProposalFacts(pending.id(), pending.kind(),
            ProposalFacts.ProposalStatus.PENDING, pending.authorDid(), pending.strategy(), 1000, 5000, 0,
            T0.plusSeconds(100), T0.plusSeconds(700), null, 0, 0));
        refused(ProblemType.VOTING_CLOSED, () -> vote(pending, a, "for"));
        assertEquals(1, votes.ballots(f.id(), null, 100).items().size(), "refused ballots are never listed");
    }

    static String nonceOf(String jws) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"nonce\":\"([^\"]+)\"").matcher(payload);
        assertTrue(m.find());
        return m.group(1);
    }

    static String sha256(String s) {
        return Hashes.hex(Hashes.sha256(s.getBytes(StandardCharsets.UTF_8)));
    }
}
