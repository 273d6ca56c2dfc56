package io.copartner.ledger.chain;

import io.copartner.ledger.chain.contract.AuditAnchor;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DynamicEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Talks to one {@code AuditAnchor} contract on an EVM chain through JSON-RPC: deploys it, anchors
 * audit-log roots and reads them back. Plain Java, so it can be tested against a local anvil and wired
 * into CDI later.
 *
 * <p>Transactions are signed locally ({@link RawTransactionManager}, EIP-155 chain id) and use
 * EIP-1559 fees taken from the node (base fee of the latest block, the node's priority-fee suggestion,
 * gas limit from {@code eth_estimateGas}). Receipts are polled every {@value #POLL_MILLIS} ms, which
 * suits chains that mine instantly (anvil) as well as real ones (up to {@value #POLL_ATTEMPTS} polls).
 *
 * <p>An anchor is sent in two steps, {@link #submit} (hash known at once) and {@link #awaitReceipt}, so a caller
 * can write the hash down before the wait; {@link #state} and {@link #anchoredEvents} let it find out later what
 * became of a transaction it sent.
 *
 * <p>Writes are {@code synchronized}: the nonce is read from the node per transaction, so two
 * concurrent sends from this key could otherwise collide.
 */
public final class AnchorChainClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AnchorChainClient.class.getName());

    static final long POLL_MILLIS = 100;
    static final int POLL_ATTEMPTS = 1200;

    private static final String NOT_OWNER = selector("NotOwner(address)");
    private static final String TREE_SIZE_NOT_INCREASING = selector("TreeSizeNotIncreasing(uint64,uint64)");

    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final RawTransactionManager txManager;
    private final DynamicEIP1559GasProvider gasProvider;
    private final PollingTransactionReceiptProcessor receipts;

    /**
     * @param rpcUrl        JSON-RPC endpoint, e.g. {@code http://127.0.0.1:8545}
     * @param privateKeyHex secp256k1 private key of the anchoring account (with or without {@code 0x})
     * @param chainId       EIP-155 chain id to sign for (31337 for anvil)
     */
    public AnchorChainClient(String rpcUrl, String privateKeyHex, long chainId) {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(privateKeyHex, "privateKeyHex");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive: " + chainId);
        }
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.credentials = Credentials.create(privateKeyHex);
        this.chainId = chainId;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, POLL_MILLIS, POLL_ATTEMPTS);
        this.txManager = new RawTransactionManager(web3j, credentials, chainId, receipts);
        this.gasProvider = new DynamicEIP1559GasProvider(web3j, chainId);
    }

    /** Address of the signing account (the contract owner after {@link #deploy()}). */
    public String fromAddress() {
        return credentials.getAddress();
    }

    /** Deploys a new {@code AuditAnchor} owned by this client's key and returns its address. */
    public synchronized String deploy() {
        try {
            AuditAnchor contract = AuditAnchor.deploy(web3j, txManager, gasProvider).send();
            contract.getTransactionReceipt().ifPresent(r -> LOG.log(System.Logger.Level.INFO,
                    "AuditAnchor deployed at {0} (chain {1}, block {2}, gas used {3}, tx {4})",
                    contract.getContractAddress(), chainId, r.getBlockNumber(), r.getGasUsed(),
                    r.getTransactionHash()));
            return contract.getContractAddress();
        } catch (Exception e) {
            throw new ChainException("deploying AuditAnchor failed: " + e.getMessage(), e);
        }
    }

    /** Whether there is contract code at {@code address} (false for accounts without code). */
    public boolean hasCode(String address) {
        requireAddress(address);
        EthGetCode code = send(() -> web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send(),
                "eth_getCode");
        if (code.hasError()) {
            throw new ChainException("eth_getCode failed: " + code.getError().getMessage());
        }
        String hex = code.getCode();
        return hex != null && !hex.isBlank() && !"0x".equalsIgnoreCase(hex) && !"0x0".equalsIgnoreCase(hex);
    }

    /**
     * Returns {@code addressOrNull} if a contract is already deployed there, otherwise deploys a new one
     * and returns its address. Lets a configured address survive restarts without redeploying.
     */
    public synchronized String ensureDeployed(String addressOrNull) {
        if (addressOrNull != null && !addressOrNull.isBlank() && hasCode(addressOrNull)) {
            return addressOrNull;
        }
        if (addressOrNull != null && !addressOrNull.isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "no contract code at {0}; deploying a new AuditAnchor",
                    addressOrNull);
        }
        return deploy();
    }

    /**
     * Anchors {@code root32} for {@code treeSize} and waits for the receipt: {@link #submit} then
     * {@link #awaitReceipt}.
     *
     * @throws AnchorRejectedException if the contract refuses (size not growing, caller not owner);
     *                                 checked with {@code eth_call} first, so nothing is sent then
     * @throws ChainException          on RPC or transaction failure
     */
    public AnchorReceipt anchor(String contract, long treeSize, byte[] root32) {
        String txHash = submit(contract, treeSize, root32);
        return awaitReceipt(contract, txHash, treeSize, root32);
    }

    /**
     * Simulates, signs and broadcasts {@code anchor(treeSize, root32)} and returns the transaction hash at once,
     * without waiting for it to be mined, so the caller can write the hash down before the long wait.
     *
     * @throws AnchorRejectedException if the contract refuses (simulated with {@code eth_call}: nothing is sent)
     * @throws ChainException          on RPC failure
     */
    public synchronized String submit(String contract, long treeSize, byte[] root32) {
        requireAddress(contract);
        if (treeSize <= 0) {
            throw new IllegalArgumentException("treeSize must be positive: " + treeSize);
        }
        Objects.requireNonNull(root32, "root32");
        if (root32.length != 32) {
            throw new IllegalArgumentException("root must be 32 bytes, got " + root32.length);
        }
        String data = load(contract).anchor(BigInteger.valueOf(treeSize), root32.clone()).encodeFunctionCall();

        // Simulate first: a refused anchor then costs no gas and we get the decoded custom error.
        EthCall sim = send(() -> web3j.ethCall(
                Transaction.createEthCallTransaction(fromAddress(), contract, data),
                DefaultBlockParameterName.LATEST).send(), "eth_call anchor");
        if (isRevert(sim)) {
            throw new AnchorRejectedException(describeRevert(sim));
        }
        if (sim.hasError()) {
            throw new ChainException("eth_call anchor failed: " + sim.getError().getMessage());
        }
        // The pending nonce: a transaction of ours still in the pool is not replaced by this one.
        BigInteger nonce = send(() -> web3j.ethGetTransactionCount(fromAddress(), DefaultBlockParameterName.PENDING)
                .send(), "eth_getTransactionCount").getTransactionCount();
        BigInteger gasLimit = send(() -> gasProvider.getGasLimit(
                Transaction.createEthCallTransaction(fromAddress(), contract, data)), "eth_estimateGas");
        RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, gasLimit, contract, BigInteger.ZERO,
                data, send(gasProvider::getMaxPriorityFeePerGas, "fee"), send(gasProvider::getMaxFeePerGas, "fee"));
        String signed = txManager.sign(raw);
        String txHash = Hash.sha3(signed);
        EthSendTransaction sent = send(() -> web3j.ethSendRawTransaction(signed).send(), "eth_sendRawTransaction");
        if (sent.hasError() && !alreadyKnown(sent.getError())) {
            throw new ChainException("anchor(" + treeSize + ") was not accepted: " + sent.getError().getMessage());
        }
        return txHash;
    }

    /**
     * Waits (polling, up to {@value #POLL_ATTEMPTS} x {@value #POLL_MILLIS} ms) until {@code txHash} is mined.
     *
     * @throws ChainException if it is not mined in time, reverted, or the node is unreachable
     */
    public AnchorReceipt awaitReceipt(String contract, String txHash, long treeSize, byte[] root32) {
        TransactionReceipt r;
        try {
            r = receipts.waitForTransactionReceipt(txHash);
        } catch (IOException e) {
            throw new ChainException("waiting for " + txHash + ": node unreachable: " + e.getMessage(), e);
        } catch (TransactionException e) {
            throw new ChainException("anchor(" + treeSize + ") tx " + txHash + " not mined: " + e.getMessage(), e);
        }
        return toAnchorReceipt(contract, r, treeSize, root32);
    }

    /** What the node knows of a transaction we sent earlier (by hash). */
    public TxState state(String txHash) {
        var receipt = send(() -> web3j.ethGetTransactionReceipt(txHash).send(), "eth_getTransactionReceipt");
        if (receipt.hasError()) {
            throw new ChainException("eth_getTransactionReceipt failed: " + receipt.getError().getMessage());
        }
        if (receipt.getTransactionReceipt().isPresent()) {
            return receipt.getTransactionReceipt().get().isStatusOK() ? TxState.MINED : TxState.REVERTED;
        }
        var tx = send(() -> web3j.ethGetTransactionByHash(txHash).send(), "eth_getTransactionByHash");
        return tx.getTransaction().isPresent() ? TxState.PENDING : TxState.UNKNOWN;
    }

    /** The receipt of a mined anchor transaction, e.g. one found in the logs by reconciliation. */
    public AnchorReceipt receipt(String contract, String txHash, long treeSize, byte[] root32) {
        var receipt = send(() -> web3j.ethGetTransactionReceipt(txHash).send(), "eth_getTransactionReceipt");
        TransactionReceipt r = receipt.getTransactionReceipt()
                .orElseThrow(() -> new ChainException("no receipt for " + txHash));
        return toAnchorReceipt(contract, r, treeSize, root32);
    }

    /**
     * Every {@code Anchored} event of {@code contract} from block {@code fromBlock} on, oldest first
     * ({@code eth_getLogs} on the contract address and the event topic).
     */
    public List<AnchoredEvent> anchoredEvents(String contract, long fromBlock) {
        requireAddress(contract);
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.max(0, fromBlock))),
                DefaultBlockParameterName.LATEST, contract);
        filter.addSingleTopic(EventEncoder.encode(AuditAnchor.ANCHORED_EVENT));
        EthLog logs = send(() -> web3j.ethGetLogs(filter).send(), "eth_getLogs");
        if (logs.hasError()) {
            throw new ChainException("eth_getLogs failed: " + logs.getError().getMessage());
        }
        List<AnchoredEvent> out = new ArrayList<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            Log log = (Log) result.get();
            if (log.isRemoved()) {
                continue;
            }
            AuditAnchor.AnchoredEventResponse e = AuditAnchor.getAnchoredEventFromLog(log);
            out.add(new AnchoredEvent(e.treeSize.longValueExact(), e.root, log.getTransactionHash(),
                    log.getBlockNumber().longValueExact()));
        }
        return out;
    }

    private AnchorReceipt toAnchorReceipt(String contract, TransactionReceipt r, long treeSize, byte[] root32) {
        if (!r.isStatusOK()) {
            throw new ChainException("anchor(" + treeSize + ") tx " + r.getTransactionHash() + " reverted in block "
                    + r.getBlockNumber());
        }
        return new AnchorReceipt(r.getTransactionHash(), r.getBlockNumber().longValueExact(),
                r.getGasUsed().longValueExact(), treeSize, "0x" + HexFormat.of().formatHex(root32), chainId,
                contract);
    }

    /** A node that already holds this very transaction (a resend after a lost answer) is no failure. */
    private static boolean alreadyKnown(Response.Error err) {
        String msg = err.getMessage() == null ? "" : err.getMessage().toLowerCase(Locale.ROOT);
        return msg.contains("already known") || msg.contains("already imported");
    }

    /** Largest tree size anchored so far (0 if none). */
    public long latestTreeSize(String contract) {
        requireAddress(contract);
        return send(() -> load(contract).latestTreeSize().send(), "latestTreeSize").longValueExact();
    }

    /** Root anchored for exactly {@code treeSize}; 32 zero bytes if that size was never anchored. */
    public byte[] rootAt(String contract, long treeSize) {
        requireAddress(contract);
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative: " + treeSize);
        }
        return send(() -> load(contract).rootAt(BigInteger.valueOf(treeSize)).send(), "rootAt");
    }

    /** Chain id reported by the node ({@code eth_chainId}), to check it matches the configured one. */
    public long chainId() {
        var r = send(() -> web3j.ethChainId().send(), "eth_chainId");
        if (r.hasError()) {
            throw new ChainException("eth_chainId failed: " + r.getError().getMessage());
        }
        return r.getChainId().longValueExact();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    private AuditAnchor load(String contract) {
        return AuditAnchor.load(contract, web3j, txManager, gasProvider);
    }

    private static void requireAddress(String address) {
        if (address == null || !WalletUtils.isValidAddress(address)) {
            throw new IllegalArgumentException("not an address: " + address);
        }
    }

    /** A revert is JSON-RPC error 3 (geth, anvil), an error mentioning "revert", or revert data in the result. */
    private static boolean isRevert(EthCall sim) {
        Response.Error err = sim.getError();
        if (err != null) {
            String msg = err.getMessage() == null ? "" : err.getMessage().toLowerCase(Locale.ROOT);
            return err.getCode() == 3 || msg.contains("revert");
        }
        return sim.isReverted();
    }

    /** Turns the revert data of a simulated call into a readable reason (custom errors decoded). */
    static String describeRevert(EthCall sim) {
        String data = null;
        String message = null;
        Response.Error err = sim.getError();
        if (err != null) {
            data = err.getData();
            message = err.getMessage();
        } else {
            data = sim.getValue();
            message = sim.getRevertReason();
        }
        String hex = data == null ? "" : data.replace("\"", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith(TREE_SIZE_NOT_INCREASING) && hex.length() >= 10 + 128) {
            return "TreeSizeNotIncreasing(latest=" + word(hex, 0) + ", given=" + word(hex, 1) + ")";
        }
        if (hex.startsWith(NOT_OWNER) && hex.length() >= 10 + 64) {
            return "NotOwner(caller=0x" + hex.substring(10 + 24, 10 + 64) + ")";
        }
        return message != null ? message : "reverted (" + hex + ")";
    }

    private static BigInteger word(String hex, int index) {
        int start = 10 + 64 * index;
        return new BigInteger(hex.substring(start, start + 64), 16);
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    @FunctionalInterface
    private interface Rpc<T> {
        T call() throws Exception;
    }

    private static <T> T send(Rpc<T> rpc, String what) {
        try {
            return rpc.call();
        } catch (IOException e) {
            throw new ChainException(what + ": node unreachable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainException(what + " failed: " + e.getMessage(), e);
        }
    }
}
