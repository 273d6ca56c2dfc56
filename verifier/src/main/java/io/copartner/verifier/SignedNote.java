package io.copartner.verifier;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed-note parsing and Ed25519 verification, plus the C2SP tlog-checkpoint body.
 * A note is {@code text ‖ "\n" ‖ signature lines}; the text ends with a newline and the signature is over its
 * UTF-8 bytes. Each signature line is {@code "— " name " " base64(keyId[4] ‖ sig[64]) "\n"}.
 */
public final class SignedNote {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) for a raw 32-byte key. */
    private static final byte[] ED25519_SPKI_PREFIX = Hex.decode("302a300506032b6570032100");
    private static final String SIG_PREFIX = "\u2014 ";

    /** One signature line. */
    public record NoteSignature(String keyName, byte[] keyId, byte[] signature) {
    }

    /** The parsed checkpoint body. */
    public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {
    }

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = signatures;
    }

    /** The signed text (the body), including its final newline. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    public static SignedNote parse(String note) {
        if (note.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("note contains a carriage return");
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("note does not end with a newline");
        }
        int sep = note.lastIndexOf("\n\n");
        if (sep < 0) {
            throw new IllegalArgumentException("note has no blank line before its signatures");
        }
        String text = note.substring(0, sep + 1);
        String[] lines = note.substring(sep + 2).split("\n", -1);
        List<NoteSignature> sigs = new ArrayList<>();
        // split leaves one trailing empty element after the final newline
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (!line.startsWith(SIG_PREFIX)) {
                throw new IllegalArgumentException("malformed signature line " + (i + 1) + ": must start with an em dash and a space");
            }
            String rest = line.substring(SIG_PREFIX.length());
            int sp = rest.lastIndexOf(' ');
            if (sp <= 0) {
                throw new IllegalArgumentException("malformed signature line " + (i + 1) + ": no key name");
            }
            String name = rest.substring(0, sp);
            if (name.contains(" ")) {
                throw new IllegalArgumentException("malformed signature line " + (i + 1) + ": key name contains a space");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(rest.substring(sp + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed signature line " + (i + 1) + ": bad base64");
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("malformed signature line " + (i + 1) + ": too short");
            }
            sigs.add(new NoteSignature(name, Arrays.copyOfRange(blob, 0, 4), Arrays.copyOfRange(blob, 4, blob.length)));
        }
        if (sigs.isEmpty()) {
            throw new IllegalArgumentException("note has no signature lines");
        }
        return new SignedNote(text, List.copyOf(sigs));
    }

    /** C2SP key id of an Ed25519 verifier key: first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw key). */
    public static byte[] keyId(String keyName, byte[] rawPublicKey) {
        byte[] h = Merkle.sha256(keyName.getBytes(StandardCharsets.UTF_8), new byte[] {0x0A, 0x01}, rawPublicKey);
        return Arrays.copyOf(h, 4);
    }

    public static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /** Outcome of verifying the note against one named key. */
    public record Verification(boolean ok, String detail) {
    }

    /**
     * Verifies that the note carries a valid Ed25519 signature by {@code keyName}/{@code rawPublicKey}: a line
     * with that name and the matching key id, and a signature that verifies over the text. Other signers'
     * lines (e.g. witness cosignatures) are ignored, as C2SP prescribes for unknown keys.
     */
    public Verification verify(String keyName, byte[] rawPublicKey) {
        byte[] expectedId = keyId(keyName, rawPublicKey);
        List<NoteSignature> named = signatures.stream().filter(s -> s.keyName().equals(keyName)).toList();
        if (named.isEmpty()) {
            return new Verification(false, "no signature line for key name '" + keyName + "'");
        }
        List<NoteSignature> matching = named.stream().filter(s -> MessageDigest.isEqual(s.keyId(), expectedId)).toList();
        if (matching.isEmpty()) {
            return new Verification(false, "signature by '" + keyName + "' has key id " + Hex.encode(named.get(0).keyId())
                    + ", expected " + Hex.encode(expectedId) + " for the DID key");
        }
        try {
            PublicKey pk = ed25519PublicKey(rawPublicKey);
            byte[] msg = text.getBytes(StandardCharsets.UTF_8);
            for (NoteSignature s : matching) {
                if (s.signature().length != 64) {
                    continue;
                }
                Signature v = Signature.getInstance("Ed25519");
                v.initVerify(pk);
                v.update(msg);
                if (v.verify(s.signature())) {
                    return new Verification(true, "Ed25519 signature by '" + keyName + "' (key id " + Hex.encode(expectedId) + ") verifies");
                }
            }
        } catch (GeneralSecurityException e) {
            return new Verification(false, "Ed25519 verification error: " + e.getMessage());
        }
        return new Verification(false, "Ed25519 signature by '" + keyName + "' (key id " + Hex.encode(expectedId) + ") does NOT verify");
    }

    /** Parses the text as a C2SP tlog-checkpoint: origin, decimal size, base64 root, optional extension lines. */
    public Checkpoint checkpoint() {
        String[] lines = text.split("\n", -1);
        // text ends with "\n" so the last element is empty
        if (lines.length < 4) {
            throw new IllegalArgumentException("checkpoint needs origin, tree size and root hash lines");
        }
        String origin = lines[0];
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("checkpoint origin line is empty");
        }
        String sizeLine = lines[1];
        if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint tree size is not a canonical decimal: '" + sizeLine + "'");
        }
        long size = new BigInteger(sizeLine).longValueExact();
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root hash is not base64");
        }
        if (root.length != Merkle.HASH_LEN) {
            throw new IllegalArgumentException("checkpoint root hash is " + root.length + " bytes, expected 32");
        }
        List<String> ext = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length - 1));
        return new Checkpoint(origin, size, root, List.copyOf(ext));
    }
}
