package io.copartner.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
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

/**
 * A chain client as a third party would write it from the public contract interface (DESIGN.md §3:
 * {@code anchor(uint64 treeSize, bytes32 root)}), not the platform's own: it deploys a fresh AuditAnchor from the
 * bytecode the ledger build compiles and sends anchors, to measure their gas.
 */
final class AnchorGasClient implements AutoCloseable {

    private final Web3j web3j;
    private final Credentials credentials;
    private final RawTransactionManager tm;
    private final String bytecode;

    AnchorGasClient(String rpcUrl, String privateKey, long chainId, Path bytecodeFile) throws IOException {
        if (!Files.isRegularFile(bytecodeFile)) {
            throw new IllegalStateException(bytecodeFile + " missing: build the ledger module (it compiles the "
                + "contract)");
        }
        String bin = Files.readString(bytecodeFile).trim();
        this.bytecode = bin.startsWith("0x") ? bin : "0x" + bin;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.credentials = Credentials.create(privateKey);
        this.tm = new RawTransactionManager(web3j, credentials, chainId);
    }

    /** Deploys a fresh contract; its address. */
    String deploy() throws IOException {
        RawTransaction tx = RawTransaction.createContractTransaction(nonce(), gasPrice(),
            BigInteger.valueOf(3_000_000), BigInteger.ZERO, bytecode);
        TransactionReceipt r = mined(tm.signAndSend(tx));
        if (!r.isStatusOK() || r.getContractAddress() == null) {
            throw new IOException("deployment failed: " + r);
        }
        return r.getContractAddress();
    }

    /** anchor(treeSize, root); the gas it used. */
    long anchor(String contract, long treeSize, byte[] root32) throws IOException {
        String data = FunctionEncoder.encode(new Function("anchor",
            List.of(new Uint64(BigInteger.valueOf(treeSize)), new Bytes32(root32)), List.of()));
        RawTransaction tx = RawTransaction.createTransaction(nonce(), gasPrice(), BigInteger.valueOf(300_000),
            contract, data);
        TransactionReceipt r = mined(tm.signAndSend(tx));
        if (!r.isStatusOK()) {
            throw new IOException("anchor(" + treeSize + ") reverted: " + r);
        }
        return r.getGasUsed().longValueExact();
    }

    private BigInteger nonce() throws IOException {
        return web3j.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING).send()
            .getTransactionCount();
    }

    private BigInteger gasPrice() throws IOException {
        return web3j.ethGasPrice().send().getGasPrice();
    }

    private TransactionReceipt mined(EthSendTransaction sent) throws IOException {
        if (sent.hasError()) {
            throw new IOException("send failed: " + sent.getError().getMessage());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TransactionReceipt> r = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send()
                .getTransactionReceipt();
            if (r.isPresent()) {
                return r.get();
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new IOException("not mined within 30 s: " + sent.getTransactionHash());
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
