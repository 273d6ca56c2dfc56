package io.copartner.ledger.audit.note;

import io.copartner.kernel.crypto.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs note texts as C2SP {@code signed-note}s with an Ed25519 key (signature type 0x01):
 *
 * <pre>
 * &lt;text ending in a newline&gt;
 *
 * — &lt;key name&gt; base64(key ID ‖ Ed25519 signature of the text)
 * </pre>
 *
 * where the key ID is the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key). The verifier key
 * published for clients is {@code <name>+<hex key ID>+base64(0x01 ‖ public key)}, the format read by
 * golang.org/x/mod/sumdb/note and the other C2SP implementations.
 */
public final class NoteSigner {

    /** C2SP signed-note signature type byte for Ed25519. */
    static final byte ALG_ED25519 = 0x01;
    static final String SIGNATURE_LINE_PREFIX = "\u2014 ";

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }. */
    private static final byte[] ED25519_SPKI_PREFIX = Hashes.fromHex("302a300506032b6570032100");
    private static final int RAW_KEY_SIZE = 32;

    private final String keyName;
    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    /**
     * @param keyName the signing key's name: non-empty, no Unicode spaces, no '+', no control characters
     * @param keyPair an Ed25519 key pair (java.security, e.g. {@code KeyPairGenerator.getInstance("Ed25519")})
     * @throws IllegalArgumentException if the name is invalid or the keys are not Ed25519
     */
    public NoteSigner(String keyName, KeyPair keyPair) {
        this.keyName = requireKeyName(keyName);
        Objects.requireNonNull(keyPair, "keyPair must not be null");
        this.privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key must not be null");
        this.rawPublicKey = rawPublicKey(Objects.requireNonNull(keyPair.getPublic(), "public key must not be null"));
        this.keyId = keyId(keyName, rawPublicKey);
        // Fail now, not on first use, if the private key is not an Ed25519 key.
        try {
            newEd25519().initSign(privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("private key is not an Ed25519 key", e);
        }
    }

    /** The key name used in signature lines. */
    public String keyName() {
        return keyName;
    }

    /** The 4-byte key ID: SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ raw public key)[:4]. */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The C2SP verifier key: {@code keyName + "+" + hex(keyId) + "+" + base64(0x01 ‖ raw public key)}. */
    public String verifierKey() {
        byte[] typed = new byte[1 + RAW_KEY_SIZE];
        typed[0] = ALG_ED25519;
        System.arraycopy(rawPublicKey, 0, typed, 1, RAW_KEY_SIZE);
        return keyName + "+" + Hashes.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Signs the note text and returns the signed note: {@code body + "\n" + "— " + keyName + " " +
     * base64(keyId ‖ signature) + "\n"}.
     *
     * @param body the note text: non-empty, ending in a newline, no control characters other than newline
     * @throws IllegalArgumentException if the text is not a valid note text
     */
    public String sign(String body) {
        requireNoteText(body);
        byte[] signature;
        try {
            Signature ed25519 = newEd25519();
            ed25519.initSign(privateKey);
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        byte[] blob = new byte[keyId.length + signature.length];
        System.arraycopy(keyId, 0, blob, 0, keyId.length);
        System.arraycopy(signature, 0, blob, keyId.length, signature.length);
        return body + "\n" + SIGNATURE_LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The 32-byte RFC 8032 encoding of an Ed25519 public key (the last 32 bytes of its 44-byte X.509 SPKI). */
    public static byte[] rawPublicKey(PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey must not be null");
        byte[] spki = publicKey.getEncoded();
        if (spki == null || spki.length != ED25519_SPKI_PREFIX.length + RAW_KEY_SIZE
                || !Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                ED25519_SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key (algorithm " + publicKey.getAlgorithm()
                    + ", format " + publicKey.getFormat() + ")");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
    }

    /** The Ed25519 public key with the given 32-byte RFC 8032 encoding. */
    public static PublicKey publicKeyFromRaw(byte[] raw32) {
        Objects.requireNonNull(raw32, "raw32 must not be null");
        if (raw32.length != RAW_KEY_SIZE) {
            throw new IllegalArgumentException("raw Ed25519 public key must be 32 bytes but is " + raw32.length);
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + RAW_KEY_SIZE];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw32, 0, spki, ED25519_SPKI_PREFIX.length, RAW_KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key", e);
        }
    }

    /** The C2SP key ID of an Ed25519 key: SHA-256(keyName ‖ 0x0A ‖ 0x01 ‖ raw public key)[:4]. */
    public static byte[] keyId(String keyName, byte[] rawPublicKey) {
        requireKeyName(keyName);
        Objects.requireNonNull(rawPublicKey, "rawPublicKey must not be null");
        byte[] hash = Hashes.sha256(keyName.getBytes(StandardCharsets.UTF_8), new byte[] {0x0A, ALG_ED25519},
                rawPublicKey);
        return Arrays.copyOf(hash, 4);
    }

    static String requireKeyName(String keyName) {
        Objects.requireNonNull(keyName, "keyName must not be null");
        if (!isValidKeyName(keyName)) {
            throw new IllegalArgumentException(
                    "key name must be non-empty and contain no spaces, '+' or control characters: '" + keyName + "'");
        }
        return keyName;
    }

    static boolean isValidKeyName(String keyName) {
        if (keyName == null || keyName.isEmpty()) {
            return false;
        }
        return keyName.codePoints().noneMatch(c -> c == '+' || c < 0x20 || c == 0x7f
                || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    static void requireNoteText(String body) {
        Objects.requireNonNull(body, "body must not be null");
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        String problem = textProblem(body);
        if (problem != null) {
            throw new IllegalArgumentException("note text " + problem);
        }
    }

    /**
     * Why the text cannot be part of a signed note (control characters other than newline, or a lone surrogate,
     * which has no UTF-8 encoding), or null if it can.
     */
    static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return "must not contain control characters other than newline (U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (lone surrogate at index " + i + ")";
            }
        }
        return null;
    }

    static Signature newEd25519() {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 not available", e);
        }
    }
}
