package io.copartner.keycloak.did;

import io.copartner.kernel.crypto.Ed25519;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * JCA public keys of did:key keys. Ed25519 uses the kernel's JDK-only code; secp256k1 is not in the JDK's SunEC since
 * JDK 16, so its curve and key come from BouncyCastle, which the Keycloak distribution ships.
 */
public final class PublicKeys {

    /** A private BouncyCastle instance: nothing is registered in the JVM's global provider list. */
    public static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static final ECNamedCurveParameterSpec SECP256K1 = ECNamedCurveTable.getParameterSpec("secp256k1");
    private static final ECNamedCurveSpec SECP256K1_JCA = new ECNamedCurveSpec("secp256k1", SECP256K1.getCurve(),
        SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());

    private PublicKeys() {
    }

    public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        try {
            return Ed25519.publicKey(raw);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(e.getMessage());
        }
    }

    /** A secp256k1 key from its SEC1 (compressed or uncompressed) encoding; the point must be on the curve. */
    public static ECPublicKey secp256k1(byte[] sec1) throws GeneralSecurityException {
        org.bouncycastle.math.ec.ECPoint q;
        try {
            q = SECP256K1.getCurve().decodePoint(sec1).normalize();
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a secp256k1 point: " + e.getMessage());
        }
        if (q.isInfinity() || !q.isValid()) {
            throw new GeneralSecurityException("not a valid secp256k1 point");
        }
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(w, SECP256K1_JCA));
    }

    /** The SEC1 compressed encoding (33 bytes) of a secp256k1 public key. */
    public static byte[] compressed(ECPublicKey key) {
        return SECP256K1.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()).getEncoded(true);
    }

    /** The raw 32-byte Ed25519 public key of a JDK key (the last 32 bytes of its X.509 encoding). */
    public static byte[] rawEd25519(PublicKey key) {
        return Ed25519.raw(key);
    }
}
