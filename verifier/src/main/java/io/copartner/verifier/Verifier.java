package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/** Runs the four groups of checks against one platform and returns their results. */
public final class Verifier {
    private final Options opts;
    private final ObjectMapper mapper;
    private final LogClient log;
    private final Random random;

    /** Whether the new checkpoint was written to the state file (only when every check passed). */
    private boolean stateSaved;

    public Verifier(Options opts, ObjectMapper mapper, Random random) {
        this.opts = opts;
        this.mapper = mapper;
        this.log = new LogClient(opts.baseUrl(), mapper);
        this.random = random;
    }

    Verifier(Options opts, ObjectMapper mapper) {
        this(opts, mapper, new SecureRandom());
    }

    boolean stateSaved() {
        return stateSaved;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();

        // 1. DID document and signed checkpoint
        DidKey key = null;
        try {
            key = DidKey.fromDocument(log.didDocument());
            String expected = DidKey.didWebFor(log.base());
            checks.add(Check.pass("did-document", "key " + key.methodId()
                    + (key.did().equals(expected) ? "" : " (note: the document is for " + key.did() + ", the base URL's did:web is " + expected + ")")));
        } catch (Exception e) {
            checks.add(Check.fail("did-document", reason(e)));
        }

        SignedNote.Checkpoint cp = null;
        try {
            SignedNote note = SignedNote.parse(log.checkpointNote());
            cp = note.checkpoint();
            if (key == null) {
                checks.add(Check.fail("checkpoint-signature", "no checkpoint key from the DID document; signature not checked"));
            } else {
                SignedNote.Verification v = note.verify(key.keyNameFor(cp.origin()), key.rawPublicKey());
                String what = "checkpoint " + cp.origin() + " size " + cp.treeSize() + " root " + Hex.encode(cp.rootHash());
                checks.add(new Check("checkpoint-signature", v.ok(), v.detail() + "; " + what));
            }
        } catch (Exception e) {
            checks.add(Check.fail("checkpoint-signature", reason(e)));
        }

        if (cp == null) {
            checks.add(Check.fail("inclusion", "no checkpoint to verify against"));
            checks.add(Check.fail("consistency", "no checkpoint to verify against"));
            checks.add(Check.fail("anchors", "no checkpoint to verify against"));
            return checks;
        }

        // 2. sampled inclusion
        checks.add(inclusion(cp));
        // 3. consistency with the saved state
        checks.add(consistencyWithState(cp));
        // 4. anchors
        checks.addAll(anchors(cp));

        if (checks.stream().allMatch(Check::ok)) {
            try {
                saveState(cp);
                stateSaved = true;
            } catch (IOException e) {
                checks.add(Check.fail("state", "could not save " + opts.statePath() + ": " + reason(e)));
            }
        }
        return checks;
    }

    // ------------------------------------------------------------------ inclusion

    TreeSet<Long> sampleIndexes(long size) {
        TreeSet<Long> idx = new TreeSet<>();
        if (size == 0) {
            return idx;
        }
        if (size <= opts.samples()) {
            for (long i = 0; i < size; i++) {
                idx.add(i);
            }
            return idx;
        }
        idx.add(0L);
        idx.add(size - 1);
        while (idx.size() < opts.samples()) {
            idx.add(Math.floorMod(random.nextLong(), size));
        }
        return idx;
    }

    private Check inclusion(SignedNote.Checkpoint cp) {
        long size = cp.treeSize();
        if (size == 0) {
            return Merkle.same(cp.rootHash(), Merkle.emptyRoot())
                    ? Check.pass("inclusion", "empty tree, root is SHA-256(\"\")")
                    : Check.fail("inclusion", "tree size 0 but root is not SHA-256(\"\")");
        }
        TreeSet<Long> indexes = sampleIndexes(size);
        List<String> problems = new ArrayList<>();
        for (long i : indexes) {
            try {
                String p = verifyLeaf(i, cp);
                if (p != null) {
                    problems.add("leaf " + i + ": " + p);
                }
            } catch (Exception e) {
                problems.add("leaf " + i + ": " + reason(e));
            }
        }
        if (problems.isEmpty()) {
            return Check.pass("inclusion", indexes.size() + " of " + size + " leaves canonical and included in root "
                    + Hex.encode(cp.rootHash()) + " (indexes " + abbreviateList(indexes) + ")");
        }
        return Check.fail("inclusion", problems.size() + " of " + indexes.size() + " sampled leaves failed: " + String.join("; ", problems));
    }

    /** Returns null when leaf {@code i} verifies, else the problem. */
    private String verifyLeaf(long i, SignedNote.Checkpoint cp) throws IOException {
        JsonNode entry = log.entry(i);
        if (!entry.path("index").canConvertToExactIntegral() || entry.path("index").asLong() != i) {
            return "entry reports index " + entry.path("index") + ", asked for " + i;
        }
        JsonNode canonicalNode = entry.get("canonical");
        if (canonicalNode == null || !canonicalNode.isTextual()) {
            return "entry has no 'canonical' text";
        }
        String canonical = canonicalNode.textValue();
        String recanon;
        try {
            recanon = Jcs.canonicalize(canonical);
        } catch (IllegalArgumentException e) {
            return "canonical text is not valid I-JSON: " + e.getMessage();
        }
        if (!recanon.equals(canonical)) {
            return "canonical text is not RFC 8785 canonical";
        }
        byte[] leaf = Merkle.leafHash(canonical);
        String claimed = entry.path("leafHash").asText("");
        if (!Hex.encode(leaf).equalsIgnoreCase(claimed)) {
            return "recomputed leaf hash " + Hex.encode(leaf) + " differs from the published " + claimed;
        }
        JsonNode proof = log.inclusionProof(i, cp.treeSize());
        if (proof.path("leafIndex").asLong(-1) != i || proof.path("treeSize").asLong(-1) != cp.treeSize()) {
            return "inclusion proof is for leaf " + proof.path("leafIndex") + " / size " + proof.path("treeSize");
        }
        if (!Merkle.verifyInclusion(i, cp.treeSize(), leaf, LogClient.hashes(proof), cp.rootHash())) {
            return "inclusion proof does not lead to the checkpoint root";
        }
        return null;
    }

    // ------------------------------------------------------------------ consistency with saved state

    private Check consistencyWithState(SignedNote.Checkpoint cp) {
        Path state = opts.statePath();
        if (!Files.exists(state)) {
            return Check.pass("consistency", "no saved state at " + state + "; this checkpoint (size " + cp.treeSize()
                    + ") is trusted on first use");
        }
        String origin;
        long oldSize;
        byte[] oldRoot;
        try {
            JsonNode s = mapper.readTree(state.toFile());
            origin = s.path("origin").asText("");
            oldSize = s.path("treeSize").asLong(-1);
            oldRoot = Hex.hash32(s.path("rootHash").asText(""));
            if (oldSize < 0) {
                throw new IllegalArgumentException("no treeSize");
            }
        } catch (Exception e) {
            return Check.fail("consistency", "unreadable state file " + state + ": " + reason(e));
        }
        if (!origin.equals(cp.origin())) {
            return Check.fail("consistency", "saved state is for origin '" + origin + "', the checkpoint is '" + cp.origin() + "'");
        }
        try {
            String p = consistencyProblem(oldSize, oldRoot, cp.treeSize(), cp.rootHash());
            if (p != null) {
                return Check.fail("consistency", "saved checkpoint (size " + oldSize + ") vs current (size " + cp.treeSize() + "): " + p);
            }
        } catch (Exception e) {
            return Check.fail("consistency", reason(e));
        }
        return Check.pass("consistency", "size " + oldSize + " -> " + cp.treeSize() + " is append-only (RFC 9162 consistency proof)");
    }

    /** Null when (newSize, newRoot) extends (oldSize, oldRoot), else the problem. */
    private String consistencyProblem(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot) throws IOException {
        if (newSize < oldSize) {
            return "the tree SHRANK from " + oldSize + " to " + newSize + " (history rewritten)";
        }
        if (newSize == oldSize) {
            return Merkle.same(oldRoot, newRoot) ? null
                    : "two different roots for size " + newSize + " (split view): " + Hex.encode(oldRoot) + " vs " + Hex.encode(newRoot);
        }
        if (oldSize == 0) {
            return Merkle.same(oldRoot, Merkle.emptyRoot()) ? null : "root of the empty tree is not SHA-256(\"\")";
        }
        JsonNode proof = log.consistencyProof(oldSize, newSize);
        if (proof.path("from").asLong(-1) != oldSize || proof.path("to").asLong(-1) != newSize) {
            return "consistency proof is for " + proof.path("from") + " -> " + proof.path("to");
        }
        if (!Merkle.verifyConsistency(oldSize, newSize, oldRoot, newRoot, LogClient.hashes(proof))) {
            return "consistency proof FAILS: the log is not an append-only extension (rewritten history or split view)";
        }
        return null;
    }

    private void saveState(SignedNote.Checkpoint cp) throws IOException {
        ObjectNode s = mapper.createObjectNode();
        s.put("origin", cp.origin());
        s.put("treeSize", cp.treeSize());
        s.put("rootHash", Hex.encode(cp.rootHash()));
        s.put("verifiedAt", Instant.now().toString());
        s.put("baseUrl", log.base().toString());
        Path target = opts.statePath().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(s) + "\n");
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ------------------------------------------------------------------ anchors

    private List<Check> anchors(SignedNote.Checkpoint cp) {
        List<JsonNode> all;
        try {
            all = new ArrayList<>(log.anchors());
        } catch (Exception e) {
            return List.of(Check.fail("anchors", "could not list anchors: " + reason(e)));
        }
        if (all.isEmpty()) {
            return List.of(Check.pass("anchors", "no anchors published yet"));
        }
        if (opts.rpcUrl() == null) {
            return List.of(Check.fail("anchors", all.size() + " anchors published but no --rpc-url given to check them on chain"));
        }
        all.sort(Comparator.comparingLong((JsonNode a) -> a.path("treeSize").asLong()).reversed());
        List<JsonNode> chosen = all.subList(0, Math.min(all.size(), opts.maxAnchors()));
        List<Check> out = new ArrayList<>();
        try (ChainClient chain = new ChainClient(opts.rpcUrl())) {
            long chainId;
            try {
                chainId = chain.chainId();
            } catch (Exception e) {
                return List.of(Check.fail("anchors", "JSON-RPC " + opts.rpcUrl() + " unreachable: " + reason(e)));
            }
            for (JsonNode a : chosen) {
                String name = "anchor treeSize=" + a.path("treeSize").asText("?");
                try {
                    List<String> problems = new ArrayList<>();
                    String ok = verifyAnchor(a, cp, chain, chainId, problems);
                    out.add(problems.isEmpty() ? Check.pass(name, ok) : Check.fail(name, String.join("; ", problems)));
                } catch (Exception e) {
                    out.add(Check.fail(name, reason(e)));
                }
            }
        }
        if (all.size() > chosen.size()) {
            out.add(Check.pass("anchors", "checked the newest " + chosen.size() + " of " + all.size() + " anchors (--max-anchors)"));
        }
        return out;
    }

    private String verifyAnchor(JsonNode a, SignedNote.Checkpoint cp, ChainClient chain, long chainId, List<String> problems)
            throws IOException {
        if (!a.path("treeSize").canConvertToExactIntegral() || a.path("treeSize").asLong() < 1) {
            problems.add("anchor has no valid treeSize");
            return null;
        }
        long size = a.path("treeSize").asLong();
        byte[] root = Hex.hash32(a.path("root").asText(""));
        String contract = a.path("contract").asText("");
        String txHash = a.path("txHash").asText("");
        if (!contract.matches("0x[0-9a-fA-F]{40}")) {
            problems.add("anchor has no valid contract address");
            return null;
        }
        if (!txHash.matches("0x[0-9a-fA-F]{64}")) {
            problems.add("anchor has no valid txHash");
            return null;
        }
        if (a.hasNonNull("chainId")) {
            Long claimed = parseChainId(a.get("chainId"));
            if (claimed == null || claimed != chainId) {
                problems.add("claimed chain id " + a.get("chainId").asText() + " but the RPC endpoint is chain " + chainId);
            }
        }

        Optional<Transaction> tx = chain.transaction(txHash);
        Optional<TransactionReceipt> receipt = chain.receipt(txHash);
        if (tx.isEmpty() || receipt.isEmpty()) {
            problems.add("transaction " + txHash + " not found (or not mined) on chain " + chainId);
        } else {
            TransactionReceipt r = receipt.get();
            if (!contract.equalsIgnoreCase(tx.get().getTo())) {
                problems.add("transaction was sent to " + tx.get().getTo() + ", not to the contract " + contract);
            }
            if (!r.isStatusOK() || r.getStatus() == null) {
                problems.add("transaction failed on chain (status " + r.getStatus() + ")");
            }
            if (a.hasNonNull("blockNumber") && r.getBlockNumber() != null
                    && BigInteger.valueOf(a.path("blockNumber").asLong()).compareTo(r.getBlockNumber()) != 0) {
                problems.add("claimed block " + a.path("blockNumber").asText() + " but mined in block " + r.getBlockNumber());
            }
            Optional<ChainClient.Anchor> call = ChainClient.decodeAnchorCall(tx.get().getInput());
            Optional<ChainClient.Anchor> event = Optional.empty();
            for (Log l : r.getLogs()) {
                if (contract.equalsIgnoreCase(l.getAddress())) {
                    Optional<ChainClient.Anchor> e = ChainClient.decodeAnchoredLog(l);
                    if (e.isPresent()) {
                        event = e;
                    }
                }
            }
            boolean callMatches = call.isPresent() && matches(call.get(), size, root);
            boolean eventMatches = event.isPresent() && matches(event.get(), size, root);
            if (!callMatches && !eventMatches) {
                String onChain = call.map(c -> "anchor(" + c.treeSize() + ", " + Hex.encode(c.root()) + ")")
                        .orElse(event.map(e -> "Anchored(" + e.treeSize() + ", " + Hex.encode(e.root()) + ")").orElse("no anchor call or Anchored event"));
                problems.add("transaction carries " + onChain + ", not the claimed (" + size + ", " + Hex.encode(root) + ")");
            }
        }

        byte[] onChainRoot = chain.rootAt(contract, size);
        if (!Merkle.same(onChainRoot, root)) {
            problems.add("rootAt(" + size + ") on chain is " + Hex.encode(onChainRoot) + ", claimed " + Hex.encode(root));
        }

        // the anchored tree and the checkpoint must be one append-only history
        String p = size <= cp.treeSize()
                ? consistencyProblem(size, root, cp.treeSize(), cp.rootHash())
                : consistencyProblem(cp.treeSize(), cp.rootHash(), size, root);
        if (p != null) {
            problems.add("anchored tree vs checkpoint: " + p);
        }
        return "tx " + txHash + " on chain " + chainId + " anchors (" + size + ", " + Hex.encode(root)
                + "), rootAt agrees, consistent with checkpoint size " + cp.treeSize();
    }

    private static boolean matches(ChainClient.Anchor a, long size, byte[] root) {
        return a.treeSize().equals(BigInteger.valueOf(size)) && Merkle.same(a.root(), root);
    }

    private static Long parseChainId(JsonNode n) {
        try {
            if (n.canConvertToExactIntegral()) {
                return n.asLong();
            }
            String s = n.asText().trim();
            if (s.startsWith("eip155:")) {
                s = s.substring(7);
            }
            return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    static String reason(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            m = "connection refused";
        }
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }

    private static String abbreviateList(TreeSet<Long> idx) {
        List<String> s = idx.stream().map(String::valueOf).toList();
        return s.size() <= 20 ? String.join(", ", s) : String.join(", ", s.subList(0, 20)) + ", ...";
    }
}
