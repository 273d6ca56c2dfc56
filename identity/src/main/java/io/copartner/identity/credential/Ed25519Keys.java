package io.copartner.identity.credential;

import io.copartner.kernel.crypto.Ed25519;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 keys from raw bytes (RFC 8032 seeds and public keys); the JDK encodings are the kernel's {@link Ed25519},
 * deriving a public key from a seed needs BouncyCastle (the JDK has no such call).
 */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    public static byte[] newSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /** The raw 32-byte public key of a 32-byte seed. */
    public static byte[] publicKey(byte[] seed) {
        requireLength(seed);
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    public static PrivateKey privateKey(byte[] seed) {
        return Ed25519.privateKey(seed);
    }

    public static java.security.PublicKey javaPublicKey(byte[] raw) {
        return Ed25519.publicKey(raw);
    }

    private static void requireLength(byte[] b) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException("Ed25519 keys are 32 bytes");
        }
    }
}
