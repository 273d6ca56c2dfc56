package io.copartner.verifier;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real anvil on 127.0.0.1 with the AuditAnchor contract deployed from the bytecode the ledger build compiles
 * ({@code ledger/target/solidity/AuditAnchor.bin}).
 */
final class AnvilChain implements AutoCloseable {
    /** anvil's well-known first dev account (mnemonic "test test ... junk"), funded on every anvil. */
    private static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final long CHAIN_ID = 31337;

    private final Process process;
    final String rpcUrl;
    final Web3j web3j;
    private final Credentials creds = Credentials.create(DEV_KEY);
    private final RawTransactionManager tm;
    private final String bytecode;

    static Path binPath() {
        return Path.of(System.getProperty("auditanchor.bin", "../ledger/target/solidity/AuditAnchor.bin"));
    }

    static Path anvilPath() {
        return Path.of(System.getProperty("anvil.path", "../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    }

    AnvilChain() throws IOException, InterruptedException {
        if (!Files.isExecutable(anvilPath())) {
            throw new IllegalStateException("anvil not found at " + anvilPath() + " - run `npm ci` in the repository root");
        }
        if (!Files.isRegularFile(binPath())) {
            throw new IllegalStateException("AuditAnchor.bin not found at " + binPath()
                + " - build the ledger module first (it compiles the contract)");
        }
        bytecode = Files.readString(binPath()).trim();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        process = new ProcessBuilder(anvilPath().toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--chain-id", String.valueOf(CHAIN_ID))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        rpcUrl = "http://127.0.0.1:" + port;
        web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            await("anvil on " + rpcUrl).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .failFast("anvil exited", () -> !process.isAlive())
                .until(() -> web3j.ethChainId().send().getChainId() != null);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("anvil did not start on " + rpcUrl, e);
        }
        tm = new RawTransactionManager(web3j, creds, CHAIN_ID);
    }

    private BigInteger nonce() throws IOException {
        return web3j.ethGetTransactionCount(creds.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
    }

    private TransactionReceipt mined(EthSendTransaction sent) throws IOException, InterruptedException {
        if (sent.hasError()) {
            throw new IOException("send failed: " + sent.getError().getMessage());
        }
        return await("receipt of " + sent.getTransactionHash()).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt(),
                        Optional::isPresent)
                .get();
    }

    /** Deploys a fresh AuditAnchor (owner = dev account) and returns its address. */
    String deploy() throws IOException, InterruptedException {
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
        RawTransaction tx = RawTransaction.createContractTransaction(nonce(), gasPrice, BigInteger.valueOf(3_000_000),
                BigInteger.ZERO, bytecode.startsWith("0x") ? bytecode : "0x" + bytecode);
        TransactionReceipt r = mined(tm.signAndSend(tx));
        if (!r.isStatusOK() || r.getContractAddress() == null) {
            throw new IOException("deployment failed: " + r);
        }
        return r.getContractAddress();
    }

    /** Sends anchor(treeSize, root) to the contract and returns the mined receipt. */
    TransactionReceipt anchor(String contract, long treeSize, byte[] root) throws IOException, InterruptedException {
        String data = FunctionEncoder.encode(new Function("anchor",
                List.of(new Uint64(BigInteger.valueOf(treeSize)), new Bytes32(root)), List.of()));
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
        RawTransaction tx = RawTransaction.createTransaction(nonce(), gasPrice, BigInteger.valueOf(200_000), contract, data);
        TransactionReceipt r = mined(tm.signAndSend(tx));
        if (!r.isStatusOK()) {
            throw new IOException("anchor reverted: " + r);
        }
        return r;
    }

    @Override
    public void close() {
        web3j.shutdown();
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
