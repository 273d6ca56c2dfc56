package io.copartner.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider (since 15), and the one EdDSA JWS signature check (RFC 8037)
 * every part uses: the server's credential verifier, the Keycloak provider and the tools. JDK only, so the
 * provider can shade it into Keycloak, which ships no Tink for nimbus' own Ed25519 verifier.
 */
public final class Ed25519 {

    /** JWS {@code alg} values for Ed25519: {@code EdDSA} (RFC 8037) and the fully specified {@code Ed25519} (RFC 9864). */
    public static final Set<String> JWS_ALGORITHMS = Set.of("EdDSA", "Ed25519");
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): SEQ { SEQ { OID 1.3.101.112 }, BIT STRING }. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** DER PKCS #8 header of an Ed25519 private key (RFC 8410) before the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};

    private Ed25519() {
    }

    /** @throws IllegalArgumentException if it is not 32 bytes the JDK accepts as an Ed25519 public key */
    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key of a 32-byte RFC 8032 seed. */
    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** The raw 32-byte public key of a JDK Ed25519 key (the end of its X.509 encoding). */
    public static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        byte[] raw = new byte[KEY_LENGTH];
        System.arraycopy(spki, spki.length - KEY_LENGTH, raw, 0, KEY_LENGTH);
        return raw;
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True only for a 64-byte signature of {@code message} by {@code key}; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The JWS check of RFC 7515 §5.2 for EdDSA: {@code alg} is one of {@link #JWS_ALGORITHMS} and the signature
     * verifies over the ASCII signing input {@code BASE64URL(header) '.' BASE64URL(payload)}.
     */
    public static boolean verifyJws(PublicKey key, String alg, byte[] signingInput, byte[] signature) {
        return alg != null && JWS_ALGORITHMS.contains(alg) && verify(key, signingInput, signature);
    }

    private static void requireLength(byte[] b) {
        if (b == null || b.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 keys are 32 bytes");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
