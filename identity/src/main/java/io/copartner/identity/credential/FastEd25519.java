package io.copartner.identity.credential;

import io.copartner.kernel.crypto.Ed25519;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ed25519 signature checks with exactly the verdicts of the kernel's JDK check ({@link Ed25519#verify}: RFC 8032
 * cofactorless, S &lt; L, canonical R), which is what a third party's {@code openssl pkeyutl -verify} also decides,
 * at about BouncyCastle's speed (JDK 17's EdDSA is ~10× slower; docs/governance.md, performance).
 *
 * <p>BouncyCastle's {@code rfc8032.Ed25519.verify} checks the same encodings and S &lt; L but its group equation is
 * cofactored, so on its own it would also accept a signature whose R or key carries a small-order component, which
 * the JDK and OpenSSL refuse (speccheck's mixed-order cases). Hence:
 * <ul>
 *   <li>a key that is not of prime order (never the case for a key from a real key pair) is left to the JDK;</li>
 *   <li>for a prime-order key, BouncyCastle saying no is final: a cofactorless-valid signature always passes the
 *       cofactored check;</li>
 *   <li>BouncyCastle saying yes is final only when R is of prime order too: with B, R, A all in the prime-order
 *       subgroup, [8]([S]B − R − [k]A) = 0 forces [S]B − R − [k]A = 0. Any other R (the identity, a small-order
 *       component) is left to the JDK.</li>
 * </ul>
 * So an honest signature costs one BouncyCastle verify plus one order check of R (the key's is cached), and every
 * unusual input gets the JDK's own answer. {@code FastEd25519Test} holds it to the JDK on speccheck's vectors.
 */
public final class FastEd25519 {

    static final int MAX_CACHED_KEYS = 50_000;
    private static final Map<ByteBuffer, Boolean> PRIME_ORDER_KEYS = new ConcurrentHashMap<>();

    private FastEd25519() {
    }

    /** True only for a 64-byte signature of {@code message} by the raw 32-byte {@code publicKey}; never throws. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != Ed25519.KEY_LENGTH || message == null || signature == null
            || signature.length != Ed25519.SIGNATURE_LENGTH) {
            return false;
        }
        if (!primeOrder(publicKey)) {
            return jdk(publicKey, message, signature);
        }
        if (!org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            return false;
        }
        // validatePublicKeyFull is a point check: canonical, on the curve, not small order, [L]R = identity.
        if (org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(signature, 0)) {
            return true;
        }
        return jdk(publicKey, message, signature);
    }

    static boolean primeOrder(byte[] publicKey) {
        ByteBuffer k = ByteBuffer.wrap(publicKey.clone());
        Boolean known = PRIME_ORDER_KEYS.get(k);
        if (known != null) {
            return known;
        }
        boolean full = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(publicKey, 0);
        if (PRIME_ORDER_KEYS.size() >= MAX_CACHED_KEYS) {
            PRIME_ORDER_KEYS.clear(); // bounded; the check is cheap enough to redo
        }
        PRIME_ORDER_KEYS.put(k, full);
        return full;
    }

    /** The kernel's JDK check, the reference verdict. */
    static boolean jdk(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            return Ed25519.verify(Ed25519.publicKey(publicKey), message, Arrays.copyOf(signature, signature.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
