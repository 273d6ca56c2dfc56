package io.copartner.verifier;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * JSON-RPC access to the {@code AuditAnchor} contract through web3j: transactions, receipts, {@code rootAt}.
 * The ABI is written out here from the public contract interface, not taken from the platform's code.
 */
final class ChainClient implements AutoCloseable {
    static final Event ANCHORED = new Event("Anchored", List.of(
            new TypeReference<Uint64>(true) { },
            new TypeReference<Bytes32>() { },
            new TypeReference<Uint256>() { }));
    static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED);
    static final String ANCHOR_SELECTOR = org.web3j.crypto.Hash.sha3String("anchor(uint64,bytes32)").substring(0, 10);

    private final Web3j web3j;

    ChainClient(String rpcUrl) {
        this.web3j = Web3j.build(new HttpService(rpcUrl));
    }

    long chainId() throws IOException {
        return check(web3j.ethChainId().send()).getChainId().longValueExact();
    }

    Optional<Transaction> transaction(String txHash) throws IOException {
        return check(web3j.ethGetTransactionByHash(txHash).send()).getTransaction();
    }

    Optional<TransactionReceipt> receipt(String txHash) throws IOException {
        return check(web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
    }

    /** {@code rootAt(treeSize)} at the latest block. */
    byte[] rootAt(String contract, long treeSize) throws IOException {
        Function f = new Function("rootAt", List.of(new Uint64(BigInteger.valueOf(treeSize))),
                List.of(new TypeReference<Bytes32>() { }));
        EthCall call = check(web3j.ethCall(
                org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send());
        if (call.isReverted()) {
            throw new IOException("rootAt(" + treeSize + ") reverted: " + call.getRevertReason());
        }
        List<Type> out = FunctionReturnDecoder.decode(call.getValue(), f.getOutputParameters());
        if (out.size() != 1) {
            throw new IOException("rootAt(" + treeSize + ") returned no bytes32 (is " + contract + " an AuditAnchor contract?)");
        }
        return ((Bytes32) out.get(0)).getValue();
    }

    /** A decoded {@code anchor(uint64,bytes32)} call, or empty if the input is something else. */
    static Optional<Anchor> decodeAnchorCall(String input) {
        if (input == null || !input.toLowerCase().startsWith(ANCHOR_SELECTOR) || input.length() != 10 + 128) {
            return Optional.empty();
        }
        List<Type> vals = FunctionReturnDecoder.decode("0x" + input.substring(10), List.of(
                castRef(new TypeReference<Uint64>() { }), castRef(new TypeReference<Bytes32>() { })));
        if (vals.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(new Anchor(((Uint64) vals.get(0)).getValue(), ((Bytes32) vals.get(1)).getValue()));
    }

    /** The (treeSize, root) of an {@code Anchored} log, or empty if the log is another event. */
    static Optional<Anchor> decodeAnchoredLog(Log log) {
        List<String> topics = log.getTopics();
        if (topics == null || topics.size() != 2 || !ANCHORED_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        BigInteger size = new BigInteger(topics.get(1).substring(2), 16);
        List<Type> data = FunctionReturnDecoder.decode(log.getData(), ANCHORED.getNonIndexedParameters());
        if (data.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(new Anchor(size, ((Bytes32) data.get(0)).getValue()));
    }

    record Anchor(BigInteger treeSize, byte[] root) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeReference<Type> castRef(TypeReference<?> ref) {
        return (TypeReference) ref;
    }

    private static <T extends Response<?>> T check(T resp) throws IOException {
        if (resp.hasError()) {
            throw new IOException("JSON-RPC error " + resp.getError().getCode() + ": " + resp.getError().getMessage());
        }
        return resp;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
