package io.copartner.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.copartner.ledger.chain.contract.AuditAnchor;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.protocol.exceptions.TransactionException;

/**
 * Runs {@link AnchorChainClient} against a real anvil (from the repo's node_modules, installed by the
 * build's {@code npm ci}), bound to 127.0.0.1 on a free port.
 */
class AnchorChainClientTest {

    /** anvil's first well-known dev account (public test key, funded on every anvil). */
    static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** anvil's second dev account, used as a stranger who does not own the contract. */
    static final String DEV_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final long CHAIN_ID = 31337;

    static Process anvil;
    static String rpcUrl;

    AnchorChainClient client;
    Web3j probe;

    @BeforeAll
    static void startAnvil() throws Exception {
        Path binary = findAnvil();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        rpcUrl = "http://127.0.0.1:" + port;
        Path log = Path.of("target", "anvil-test.log");
        Files.createDirectories(log.getParent());
        anvil = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(CHAIN_ID), "--silent")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        waitForChainId(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.destroy();
            if (!anvil.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                anvil.destroyForcibly().waitFor();
            }
        }
    }

    @BeforeEach
    void open() {
        client = new AnchorChainClient(rpcUrl, DEV_KEY_0, CHAIN_ID);
        probe = Web3j.build(new HttpService(rpcUrl));
    }

    @AfterEach
    void close() {
        client.close();
        probe.shutdown();
    }

    @Test
    void chainIdIsReadFromTheNode() {
        assertEquals(CHAIN_ID, client.chainId());
    }

    @Test
    void deployGivesAnAddressWithCode() throws IOException {
        String address = client.deploy();
        assertTrue(address.matches("0x[0-9a-fA-F]{40}"), address);
        assertTrue(client.hasCode(address));
        assertFalse(client.hasCode(client.fromAddress()), "an externally owned account has no code");
        String owner = send(() -> AuditAnchor.load(address, probe, Credentials.create(DEV_KEY_0),
                new StaticEIP1559GasProvider(CHAIN_ID, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE))
                .owner().send());
        assertEquals(client.fromAddress().toLowerCase(), owner.toLowerCase(), "deployer owns the contract");
    }

    @Test
    void ensureDeployedKeepsAnExistingContractAndDeploysOtherwise() throws IOException {
        String existing = client.deploy();
        BigInteger nonceBefore = nonce();
        assertEquals(existing, client.ensureDeployed(existing));
        assertEquals(nonceBefore, nonce(), "no transaction sent for an existing contract");

        String fresh = client.ensureDeployed(null);
        assertNotEquals(existing.toLowerCase(), fresh.toLowerCase());
        assertTrue(client.hasCode(fresh));
        assertEquals(nonceBefore.add(BigInteger.ONE), nonce(), "exactly one deployment");

        String noCode = "0x000000000000000000000000000000000000dEaD";
        String replaced = client.ensureDeployed(noCode);
        assertNotEquals(noCode.toLowerCase(), replaced.toLowerCase());
        assertTrue(client.hasCode(replaced));
    }

    @Test
    void anchorStoresTheRootAndEmitsAnchored() throws Exception {
        String contract = client.deploy();
        assertEquals(0, client.latestTreeSize(contract));
        byte[] root = sha256("tree of 10 leaves");

        AnchorReceipt receipt = client.anchor(contract, 10, root);
        System.out.println("anchor(10) " + receipt);

        assertTrue(receipt.gasUsed() > 0, "gas used");
        assertTrue(receipt.blockNumber() > 0, "block number");
        assertTrue(receipt.txHash().matches("0x[0-9a-f]{64}"), receipt.txHash());
        assertEquals(10, receipt.treeSize());
        assertEquals("0x" + HexFormat.of().formatHex(root), receipt.rootHex());
        assertEquals(CHAIN_ID, receipt.chainId());
        assertEquals(contract, receipt.contract());

        assertEquals(10, client.latestTreeSize(contract));
        assertArrayEquals(root, client.rootAt(contract, 10));
        assertArrayEquals(new byte[32], client.rootAt(contract, 9), "sizes never anchored stay empty");

        TransactionReceipt onChain = probe.ethGetTransactionReceipt(receipt.txHash()).send()
                .getTransactionReceipt().orElseThrow();
        assertTrue(onChain.isStatusOK());
        assertEquals(BigInteger.valueOf(receipt.blockNumber()), onChain.getBlockNumber());
        assertEquals(BigInteger.valueOf(receipt.gasUsed()), onChain.getGasUsed());
        assertEquals(contract.toLowerCase(), onChain.getTo().toLowerCase());
        List<AuditAnchor.AnchoredEventResponse> events = AuditAnchor.getAnchoredEvents(onChain);
        assertEquals(1, events.size());
        assertEquals(BigInteger.TEN, events.get(0).treeSize);
        assertArrayEquals(root, events.get(0).root);
        BigInteger blockTime = probe.ethGetBlockByNumber(
                org.web3j.protocol.core.DefaultBlockParameter.valueOf(onChain.getBlockNumber()), false)
                .send().getBlock().getTimestamp();
        assertEquals(blockTime, events.get(0).timestamp);

        byte[] root20 = sha256("tree of 20 leaves");
        client.anchor(contract, 20, root20);
        assertEquals(20, client.latestTreeSize(contract));
        assertArrayEquals(root20, client.rootAt(contract, 20));
        assertArrayEquals(root, client.rootAt(contract, 10), "earlier anchors are kept");
    }

    @Test
    void sizesThatDoNotGrowAreRefused() throws IOException {
        String contract = client.deploy();
        byte[] root = sha256("ten");
        client.anchor(contract, 10, root);
        BigInteger nonceBefore = nonce();

        AnchorRejectedException same = assertThrows(AnchorRejectedException.class,
                () -> client.anchor(contract, 10, sha256("other ten")));
        assertEquals("TreeSizeNotIncreasing(latest=10, given=10)", same.reason());
        AnchorRejectedException smaller = assertThrows(AnchorRejectedException.class,
                () -> client.anchor(contract, 5, sha256("five")));
        assertEquals("TreeSizeNotIncreasing(latest=10, given=5)", smaller.reason());

        assertEquals(nonceBefore, nonce(), "refused anchors send no transaction");
        assertEquals(10, client.latestTreeSize(contract));
        assertArrayEquals(root, client.rootAt(contract, 10));
        assertArrayEquals(new byte[32], client.rootAt(contract, 5));
    }

    @Test
    void theContractItselfRevertsAShrinkingSize() throws IOException {
        // Bypass the client's eth_call pre-check: the rule must hold on chain, not only in Java.
        String contract = client.deploy();
        client.anchor(contract, 10, sha256("ten"));
        AuditAnchor direct = direct(contract);
        TransactionException e = assertThrows(TransactionException.class,
                () -> direct.anchor(BigInteger.valueOf(5), sha256("five")).send());
        TransactionReceipt failed = e.getTransactionReceipt().orElseThrow();
        assertFalse(failed.isStatusOK());
        assertTrue(failed.getLogs().isEmpty(), "no Anchored event on a revert");
        assertEquals(10, client.latestTreeSize(contract));
    }

    @Test
    void submitGivesTheHashBeforeTheTransactionIsMinedAndStateFollowsIt() throws Exception {
        String contract = client.deploy();
        byte[] root = sha256("pending");
        rpc("evm_setAutomine", "[false]");
        String txHash;
        try {
            txHash = client.submit(contract, 4, root);
            assertTrue(txHash.matches("0x[0-9a-f]{64}"), txHash);
            assertEquals(TxState.PENDING, client.state(txHash), "sent, not mined");
            assertEquals(0, client.latestTreeSize(contract));
            rpc("evm_mine", "[]");
        } finally {
            rpc("evm_setAutomine", "[true]");
        }
        assertEquals(TxState.MINED, client.state(txHash));
        AnchorReceipt receipt = client.awaitReceipt(contract, txHash, 4, root);
        assertEquals(txHash, receipt.txHash(), "the hash computed before sending is the mined transaction's");
        assertEquals(receipt, client.receipt(contract, txHash, 4, root));
        assertEquals(4, client.latestTreeSize(contract));
        assertEquals(TxState.UNKNOWN, client.state("0x" + "00".repeat(32)));
    }

    @Test
    void theAnchoredLogsListEveryAnchorWithItsTransactionAndBlock() {
        String contract = client.deploy();
        AnchorReceipt three = client.anchor(contract, 3, sha256("three"));
        AnchorReceipt seven = client.anchor(contract, 7, sha256("seven"));

        List<AnchoredEvent> all = client.anchoredEvents(contract, 0);
        assertEquals(List.of(3L, 7L), all.stream().map(AnchoredEvent::treeSize).toList());
        assertArrayEquals(sha256("three"), all.get(0).root());
        assertEquals(three.txHash(), all.get(0).txHash());
        assertEquals(three.blockNumber(), all.get(0).blockNumber());
        assertEquals(seven.txHash(), all.get(1).txHash());

        List<AnchoredEvent> since = client.anchoredEvents(contract, seven.blockNumber());
        assertEquals(List.of(7L), since.stream().map(AnchoredEvent::treeSize).toList(), "from a block on");
        assertEquals(List.of(), client.anchoredEvents(client.deploy(), 0), "another contract's logs are not ours");
    }

    @Test
    void aRevertedTransactionIsReportedAsSuch() throws Exception {
        String contract = client.deploy();
        client.anchor(contract, 10, sha256("ten"));
        AuditAnchor direct = direct(contract);
        TransactionException e = assertThrows(TransactionException.class,
                () -> direct.anchor(BigInteger.valueOf(5), sha256("five")).send());
        String failed = e.getTransactionReceipt().orElseThrow().getTransactionHash();
        assertEquals(TxState.REVERTED, client.state(failed));
        assertThrows(ChainException.class, () -> client.awaitReceipt(contract, failed, 5, sha256("five")));
    }

    @Test
    void onlyTheOwnerMayAnchor() {
        String contract = client.deploy();
        try (AnchorChainClient stranger = new AnchorChainClient(rpcUrl, DEV_KEY_1, CHAIN_ID)) {
            AnchorRejectedException e = assertThrows(AnchorRejectedException.class,
                    () -> stranger.anchor(contract, 1, sha256("one")));
            assertEquals("NotOwner(caller=" + stranger.fromAddress().toLowerCase() + ")", e.reason());
        }
        assertEquals(0, client.latestTreeSize(contract));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyCall() {
        String contract = "0x000000000000000000000000000000000000dEaD";
        assertThrows(IllegalArgumentException.class, () -> client.anchor(contract, 1, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> client.anchor(contract, 0, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> client.anchor("not-an-address", 1, new byte[32]));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String rpc(String method, String params) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(rpcUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("\"error\""), r.body());
        return r.body();
    }

    private BigInteger nonce() throws IOException {
        return probe.ethGetTransactionCount(client.fromAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T send(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The native anvil binary from node_modules (not the node wrapper, so destroy() stops anvil itself). */
    private static Path findAnvil() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path scope = dir.resolve("node_modules/@foundry-rs");
            if (Files.isDirectory(scope)) {
                try (Stream<Path> platforms = Files.list(scope)) {
                    var found = platforms.map(p -> p.resolve("bin/anvil"))
                            .filter(Files::isExecutable).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw new IllegalStateException("anvil not found in node_modules/@foundry-rs/*/bin: run npm ci at the repo root");
    }

    private static void waitForChainId(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(rpcUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!anvil.isAlive()) {
                throw new IllegalStateException("anvil exited with " + anvil.exitValue()
                        + "; see target/anvil-test.log");
            }
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"0x7a69\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("anvil did not answer eth_chainId within " + timeout);
    }

    /** The contract through web3j's own wrapper, bypassing the client's eth_call pre-check. */
    private AuditAnchor direct(String contract) {
        return AuditAnchor.load(contract, probe,
                new RawTransactionManager(probe, Credentials.create(DEV_KEY_0), CHAIN_ID),
                new StaticEIP1559GasProvider(CHAIN_ID, BigInteger.valueOf(10_000_000_000L),
                        BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(200_000)));
    }
}
