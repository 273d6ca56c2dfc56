package io.copartner.keycloak.did;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * JCA public keys of did:key keys. Ed25519 uses the JDK (since 15); secp256k1 is not in the JDK's SunEC since
 * JDK 16, so its curve and key come from BouncyCastle, which the Keycloak distribution ships.
 */
public final class PublicKeys {

    /** A private BouncyCastle instance: nothing is registered in the JVM's global provider list. */
    public static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): SEQ { SEQ { OID 1.3.101.112 }, BIT STRING }. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private static final ECNamedCurveParameterSpec SECP256K1 = ECNamedCurveTable.getParameterSpec("secp256k1");
    private static final ECNamedCurveSpec SECP256K1_JCA = new ECNamedCurveSpec("secp256k1", SECP256K1.getCurve(),
        SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());

    private PublicKeys() {
    }

    public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("Ed25519 public keys have 32 bytes");
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
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
        byte[] spki = key.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(spki, spki.length - 32, raw, 0, 32);
        return raw;
    }
}
