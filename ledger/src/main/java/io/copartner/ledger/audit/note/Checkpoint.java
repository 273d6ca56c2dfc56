package io.copartner.ledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A C2SP {@code tlog-checkpoint} note text: origin, tree size and root hash, one per line, each ending in a newline.
 * Extension lines are not produced and not accepted.
 *
 * <pre>
 * example.com/log
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * @param origin   the log's identity: non-empty, not only whitespace, no newline or other control character
 * @param treeSize number of leaves, >= 0
 * @param rootHash RFC 9162 root of the tree at treeSize, 32 bytes (copied in and out)
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    private static final int HASH_SIZE = 32;
    private static final Pattern CANONICAL_DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin must not be null");
        Objects.requireNonNull(rootHash, "rootHash must not be null");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be empty or only whitespace");
        }
        for (int i = 0; i < origin.length(); i++) {
            char c = origin.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        "origin must not contain a newline or control character (U+" + String.format("%04X", (int) c)
                                + " at index " + i + ")");
            }
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0 but is " + treeSize);
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("rootHash must be " + HASH_SIZE + " bytes but is " + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, decimal size and padded standard base64 root, each followed by a newline. */
    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /**
     * Parses a checkpoint note text strictly: exactly three lines each ending in a newline, a canonical decimal size
     * (no sign, no leading zeros), canonical padded standard base64 of exactly 32 bytes.
     *
     * @throws IllegalArgumentException describing the first problem found
     */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body must not be null");
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new IllegalArgumentException("checkpoint must have exactly 3 lines but has " + lines.length);
        }
        String origin = lines[0];
        String size = lines[1];
        String root = lines[2];
        if (!CANONICAL_DECIMAL.matcher(size).matches()) {
            throw new IllegalArgumentException("tree size is not a canonical decimal number: '" + size + "'");
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tree size is out of range: " + size, e);
        }
        byte[] rootHash;
        try {
            rootHash = Base64.getDecoder().decode(root.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root hash is not valid base64: '" + root + "'", e);
        }
        // Java's decoder tolerates missing padding and non-zero trailing bits; only the canonical form is accepted.
        if (!Base64.getEncoder().encodeToString(rootHash).equals(root)) {
            throw new IllegalArgumentException("root hash is not canonical padded base64: '" + root + "'");
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be " + HASH_SIZE + " bytes but is " + rootHash.length);
        }
        return new Checkpoint(origin, treeSize, rootHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other
                && origin.equals(other.origin)
                && treeSize == other.treeSize
                && Arrays.equals(rootHash, other.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", treeSize=" + treeSize + ", rootHash="
                + HexFormat.of().formatHex(rootHash) + "]";
    }
}
