package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole CLI ({@link Verify#run}) against an in-test HTTP server that serves a log built by the test's naive
 * tree, and a real anvil running the AuditAnchor contract. The chain parts are skipped (assumption) only if the
 * ledger build's {@code AuditAnchor.bin} is missing.
 */
class VerifyEndToEndTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HexFormat HEX = HexFormat.of();
    static AnvilChain chain;

    @TempDir
    Path tmp;
    FakeLogServer server;
    Path state;

    @BeforeAll
    static void startChain() throws Exception {
        // Never skipped: the build always has node_modules (anvil) and builds the ledger (the contract) first, so a
        // missing chain is a broken build and fails here with what is missing.
        chain = new AnvilChain();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeLogServer();
        state = tmp.resolve("state").resolve("verifier-state.json");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    record Result(int exit, JsonNode report, String stdout, String stderr) {
        JsonNode check(String name) {
            return StreamSupport.stream(report.path("checks").spliterator(), false)
                    .filter(c -> c.path("name").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + report.toPrettyString()));
        }

        boolean ok(String name) {
            return check(name).path("ok").asBoolean();
        }

        String detail(String name) {
            return check(name).path("detail").asText();
        }

        List<JsonNode> failed() {
            List<JsonNode> f = new ArrayList<>();
            report.path("checks").forEach(c -> {
                if (!c.path("ok").asBoolean()) {
                    f.add(c);
                }
            });
            return f;
        }
    }

    Result verify(boolean json, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--base-url", server.baseUrl().toString(), "--state", state.toString()));
        args.addAll(List.of("--rpc-url", chain.rpcUrl));
        if (json) {
            args.add("--json");
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Verify.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        return new Result(exit, json ? MAPPER.readTree(stdout) : null, stdout, err.toString(StandardCharsets.UTF_8));
    }

    Result verify() throws Exception {
        return verify(true);
    }

    /** Deploys a fresh contract, anchors the server's tree at each size, and publishes the anchors. */
    String anchorHonestly(int... sizes) throws Exception {
        String contract = chain.deploy();
        for (int size : sizes) {
            publish(contract, size, server.root(size), chain.anchor(contract, size, server.root(size)));
        }
        return contract;
    }

    ObjectNode publish(String contract, long size, byte[] claimedRoot, TransactionReceipt r) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("treeSize", size).put("root", HEX.formatHex(claimedRoot)).put("chainId", AnvilChain.CHAIN_ID)
                .put("contract", contract).put("txHash", r.getTransactionHash()).put("blockNumber", r.getBlockNumber().longValue())
                .put("gasUsed", r.getGasUsed().longValue()).put("anchoredAt", "2026-01-01T00:00:00Z");
        server.anchors.add(a);
        return a;
    }

    JsonNode savedState() throws Exception {
        return MAPPER.readTree(state.toFile());
    }

    // ------------------------------------------------------------------ honest log

    @Test
    void honestLogPassesEveryCheckAndSavesTheCheckpoint() throws Exception {
        server.entries = FakeLogServer.entries(13);
        anchorHonestly(4, 9, 13); // three anchors over two pages
        Result r = verify();
        assertEquals(0, r.exit(), r.report().toPrettyString());
        assertTrue(r.report().path("ok").asBoolean());
        assertTrue(r.failed().isEmpty());
        assertTrue(r.ok("did-document"));
        assertTrue(r.ok("checkpoint-signature"));
        assertTrue(r.detail("inclusion").startsWith("13 of 13 leaves"), r.detail("inclusion"));
        assertTrue(r.detail("consistency").contains("trusted on first use"), r.detail("consistency"));
        for (int size : new int[] {4, 9, 13}) {
            assertTrue(r.ok("anchor treeSize=" + size), r.detail("anchor treeSize=" + size));
        }
        JsonNode s = savedState();
        assertEquals(FakeLogServer.ORIGIN, s.path("origin").asText());
        assertEquals(13, s.path("treeSize").asLong());
        assertEquals(HEX.formatHex(server.root(13)), s.path("rootHash").asText());

        // the log grows honestly: the second run proves consistency 13 -> 20 and moves the state forward
        server.entries = FakeLogServer.entries(20);
        Result text = verify(false);
        assertEquals(0, text.exit(), text.stdout());
        assertTrue(text.stdout().contains("PASS  consistency: size 13 -> 20 is append-only"), text.stdout());
        assertFalse(text.stdout().contains("FAIL"), text.stdout());
        assertTrue(text.stdout().contains("CHECKS PASSED"), text.stdout());
        assertEquals(20, savedState().path("treeSize").asLong());
    }

    @Test
    void multikeyDidDocumentAndSamplingOfALargerLog() throws Exception {
        server.multibaseKey = true;
        server.entries = FakeLogServer.entries(40);
        Result r = verify(true, "--samples", "6");
        assertEquals(0, r.exit(), r.report().toPrettyString());
        assertTrue(r.detail("inclusion").startsWith("6 of 40 leaves"), r.detail("inclusion"));
        assertTrue(r.detail("inclusion").contains("indexes 0, "), r.detail("inclusion"));
        assertTrue(r.detail("inclusion").endsWith(", 39)"), r.detail("inclusion"));
    }

    @Test
    void samplesAlwaysIncludeFirstAndLastLeaf() {
        Options o = Options.parse(new String[] {"--base-url", "http://127.0.0.1:1", "--samples", "5"});
        Verifier v = new Verifier(o, MAPPER, new Random(42));
        for (long size : new long[] {1, 5, 6, 1000, 1L << 40}) {
            TreeSet<Long> idx = v.sampleIndexes(size);
            assertEquals(Math.min(size, 5), idx.size());
            assertEquals(0L, idx.first());
            assertEquals(size - 1, idx.last());
        }
    }

    // ------------------------------------------------------------------ lies the verifier must catch

    @Test
    void alteredEntryTextFailsInclusionWithExitCode1() throws Exception {
        server.entries = FakeLogServer.entries(13);
        server.servedCanonicalOverride.put(5, FakeLogServer.entry(5).replace("\"amount\":1035", "\"amount\":9035"));
        Result r = verify();
        assertEquals(1, r.exit());
        assertFalse(r.report().path("ok").asBoolean());
        assertFalse(r.ok("inclusion"));
        assertTrue(r.detail("inclusion").contains("leaf 5: inclusion proof does not lead to the checkpoint root"), r.detail("inclusion"));
        assertEquals(1, r.failed().size(), "only inclusion fails: " + r.failed());
        assertFalse(Files.exists(state), "no state is saved after a failure");

        // same content, but not in canonical form (members reordered): also caught
        server.servedCanonicalOverride.clear();
        server.servedCanonicalOverride.put(12, "{\"seq\":12," + FakeLogServer.entry(12).substring(1).replace(",\"seq\":12", ""));
        Result r2 = verify();
        assertEquals(1, r2.exit());
        assertTrue(r2.detail("inclusion").contains("leaf 12: canonical text is not RFC 8785 canonical"), r2.detail("inclusion"));
    }

    @Test
    void forgedCheckpointSignatureFails() throws Exception {
        server.entries = FakeLogServer.entries(8);
        java.security.KeyPair forger = TestKeys.ed25519();
        server.noteTamper = note -> {
            String body = note.substring(0, note.indexOf("\n\n") + 1);
            return TestKeys.signedNote(body, FakeLogServer.ORIGIN, forger);
        };
        Result r = verify();
        assertEquals(1, r.exit());
        assertFalse(r.ok("checkpoint-signature"));
        assertTrue(r.detail("checkpoint-signature").contains("key id"), r.detail("checkpoint-signature"));
        assertTrue(r.ok("did-document"));

        // a valid signature over a different body: the signed size is changed after signing
        server.noteTamper = note -> note.replaceFirst("\n8\n", "\n7\n");
        Result r2 = verify(false);
        assertEquals(1, r2.exit());
        assertTrue(r2.stdout().contains("FAIL  checkpoint-signature: Ed25519 signature by 'copartner.test/audit'"), r2.stdout());
        assertTrue(r2.stdout().contains("does NOT verify"), r2.stdout());
        assertFalse(Files.exists(state));
    }

    @Test
    void rewrittenHistoryAfterASavedCheckpointFailsConsistency() throws Exception {
        server.entries = FakeLogServer.entries(8);
        assertEquals(0, verify().exit());
        byte[] savedRoot = server.root(8);
        assertEquals(HEX.formatHex(savedRoot), savedState().path("rootHash").asText());

        // the operator rewrites entry 3 and keeps appending: every proof it serves is self-consistent
        List<String> rewritten = new ArrayList<>(FakeLogServer.entries(12));
        rewritten.set(3, FakeLogServer.entry(3).replace("order.placed", "order.cancelled"));
        server.entries = rewritten;
        Result r = verify();
        assertEquals(1, r.exit());
        assertFalse(r.ok("consistency"));
        assertTrue(r.detail("consistency").contains("consistency proof FAILS"), r.detail("consistency"));
        assertTrue(r.ok("inclusion"), "the rewritten log is internally consistent; only the saved state exposes it");
        assertEquals(8, savedState().path("treeSize").asLong(), "state is not advanced past a failure");
        assertEquals(HEX.formatHex(savedRoot), savedState().path("rootHash").asText());

        // a different root at the SAME size (split view)
        server.entries = new ArrayList<>(rewritten.subList(0, 8));
        Result split = verify();
        assertEquals(1, split.exit());
        assertTrue(split.detail("consistency").contains("split view"), split.detail("consistency"));

        // a shrinking tree
        server.entries = FakeLogServer.entries(6);
        Result shrink = verify();
        assertEquals(1, shrink.exit());
        assertTrue(shrink.detail("consistency").contains("SHRANK"), shrink.detail("consistency"));
    }

    @Test
    void anchorWhoseClaimedRootDiffersFromTheChainFails() throws Exception {
        server.entries = FakeLogServer.entries(12);
        String contract = chain.deploy();
        publish(contract, 4, server.root(4), chain.anchor(contract, 4, server.root(4)));
        // the platform lists the anchor of size 9 with a root that is not the one on chain
        publish(contract, 9, server.root(8), chain.anchor(contract, 9, server.root(9)));
        Result r = verify();
        assertEquals(1, r.exit());
        assertTrue(r.ok("anchor treeSize=4"), r.detail("anchor treeSize=4"));
        assertFalse(r.ok("anchor treeSize=9"));
        String d = r.detail("anchor treeSize=9");
        assertTrue(d.contains("rootAt(9) on chain is " + HEX.formatHex(server.root(9))), d);
        assertTrue(d.contains("transaction carries anchor(9, " + HEX.formatHex(server.root(9)) + ")"), d);
        assertFalse(Files.exists(state));
    }

    @Test
    void anchorOfADifferentHistoryFailsConsistencyWithTheCheckpoint() throws Exception {
        server.entries = FakeLogServer.entries(12);
        // what was anchored at size 5 was another history (entry 2 differed then)
        List<String> earlier = new ArrayList<>(FakeLogServer.entries(5));
        earlier.set(2, FakeLogServer.entry(2).replace("1014", "1015"));
        byte[] earlierRoot = new NaiveTree(earlier.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList()).root(5);
        String contract = chain.deploy();
        publish(contract, 5, earlierRoot, chain.anchor(contract, 5, earlierRoot));
        Result r = verify();
        assertEquals(1, r.exit());
        String d = r.detail("anchor treeSize=5");
        assertFalse(r.ok("anchor treeSize=5"));
        assertTrue(d.contains("anchored tree vs checkpoint: consistency proof FAILS"), d);
        assertFalse(d.contains("rootAt"), "the chain agrees with the claim; only the history differs: " + d);
    }

    @Test
    void anchorTransactionThatIsNotTheClaimedOneFails() throws Exception {
        server.entries = FakeLogServer.entries(10);
        String contract = chain.deploy();
        TransactionReceipt at4 = chain.anchor(contract, 4, server.root(4));
        chain.anchor(contract, 7, server.root(7));
        // claims size 7 but points at the size-4 transaction; and a second anchor names another contract
        publish(contract, 7, server.root(7), at4);
        String other = chain.deploy();
        publish(other, 4, server.root(4), at4);
        Result r = verify();
        assertEquals(1, r.exit());
        assertTrue(r.detail("anchor treeSize=7").contains("transaction carries anchor(4, "), r.detail("anchor treeSize=7"));
        assertTrue(r.detail("anchor treeSize=4").contains("not to the contract"), r.detail("anchor treeSize=4"));
    }

    @Test
    void anchorsWithoutAnRpcUrlCannotPass() throws Exception {
        server.entries = FakeLogServer.entries(3);
        ObjectNode a = MAPPER.createObjectNode().put("treeSize", 2).put("root", HEX.formatHex(server.root(2)))
                .put("chainId", 1).put("contract", "0x" + "11".repeat(20)).put("txHash", "0x" + "22".repeat(32));
        server.anchors.add(a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Verify.run(new String[] {"--base-url", server.baseUrl().toString(), "--state", state.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        JsonNode report = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(report.toString().contains("no --rpc-url"), report.toPrettyString());
    }

    @Test
    void unreachablePlatformFailsAndUsageErrorsExit2() throws Exception {
        server.close();
        Result r = verify();
        assertEquals(1, r.exit());
        assertFalse(r.ok("did-document"));
        assertFalse(r.ok("inclusion"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Verify.run(new String[] {"--rpc-url", "http://127.0.0.1:1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--base-url is required"));
        assertEquals(2, Verify.run(new String[] {"--base-url", "http://x", "--samples", "0"}, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
