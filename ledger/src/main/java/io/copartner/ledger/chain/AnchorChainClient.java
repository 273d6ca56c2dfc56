package io.copartner.ledger.chain;

import io.copartner.ledger.chain.contract.AuditAnchor;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
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
    private final ContractGasProvider gasProvider;

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
        this.txManager = new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, POLL_MILLIS, POLL_ATTEMPTS));
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
     * Anchors {@code root32} for {@code treeSize} and waits for the receipt.
     *
     * @throws AnchorRejectedException if the contract refuses (size not growing, caller not owner);
     *                                 checked with {@code eth_call} first, so nothing is sent then
     * @throws ChainException          on RPC or transaction failure
     */
    public synchronized AnchorReceipt anchor(String contract, long treeSize, byte[] root32) {
        requireAddress(contract);
        if (treeSize <= 0) {
            throw new IllegalArgumentException("treeSize must be positive: " + treeSize);
        }
        Objects.requireNonNull(root32, "root32");
        if (root32.length != 32) {
            throw new IllegalArgumentException("root must be 32 bytes, got " + root32.length);
        }
        AuditAnchor anchor = load(contract);
        var call = anchor.anchor(BigInteger.valueOf(treeSize), root32.clone());

        // Simulate first: a refused anchor then costs no gas and we get the decoded custom error.
        EthCall sim = send(() -> web3j.ethCall(
                Transaction.createEthCallTransaction(fromAddress(), contract, call.encodeFunctionCall()),
                DefaultBlockParameterName.LATEST).send(), "eth_call anchor");
        if (isRevert(sim)) {
            throw new AnchorRejectedException(describeRevert(sim));
        }
        if (sim.hasError()) {
            throw new ChainException("eth_call anchor failed: " + sim.getError().getMessage());
        }

        TransactionReceipt r;
        try {
            r = call.send();
        } catch (Exception e) {
            throw new ChainException("anchor(" + treeSize + ") transaction failed: " + e.getMessage(), e);
        }
        return new AnchorReceipt(r.getTransactionHash(), r.getBlockNumber().longValueExact(),
                r.getGasUsed().longValueExact(), treeSize, "0x" + HexFormat.of().formatHex(root32), chainId,
                contract);
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
