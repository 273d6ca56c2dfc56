package io.copartner.identity.did;

import io.copartner.kernel.encoding.KeyType;
import io.copartner.kernel.encoding.Multikey;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A raw public key of a known type, convertible to and from a Multikey {@code publicKeyMultibase}
 * (base58btc of multicodec varint ‖ key) and a JWK. Construction validates the key: length, and that the
 * bytes are a point on the curve.
 */
public final class PublicKey {

    static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger P25519 = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final KeyType type;
    private final byte[] raw;

    public PublicKey(KeyType type, byte[] raw) {
        this.type = Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        if (raw.length != type.length()) {
            throw new IllegalArgumentException(type.jwkCurve() + " public key must be " + type.length()
                + " bytes but was " + raw.length);
        }
        switch (type) {
            case ED25519 -> {
                if (!Ed25519.validatePublicKeyPartial(raw, 0)) {
                    throw new IllegalArgumentException("not an Ed25519 curve point");
                }
            }
            case SECP256K1 -> {
                if (raw[0] != 2 && raw[0] != 3) {
                    throw new IllegalArgumentException("secp256k1 key must be a compressed point (02/03 prefix)");
                }
                point(raw);
            }
            case X25519 -> { }
            default -> throw new IllegalStateException();
        }
        this.raw = raw.clone();
    }

    public KeyType type() {
        return type;
    }

    public byte[] raw() {
        return raw.clone();
    }

    /** {@code z} + base58btc(varint(multicodec) ‖ raw key). */
    public String multibase() {
        return Multikey.encode(type.multicodec(), raw);
    }

    /** Parses a Multikey {@code publicKeyMultibase}; only base58btc ({@code z}) is used by did:key. */
    public static PublicKey fromMultibase(String multibase) {
        Multikey.Decoded d = Multikey.decode(multibase);
        return new PublicKey(KeyType.ofMulticodec(d.multicodec()), d.key());
    }

    /** The JWK (RFC 7517 / RFC 8037): OKP with {@code x}, or EC secp256k1 with {@code x} and {@code y}. */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", type.jwkType());
        jwk.put("crv", type.jwkCurve());
        if (type == KeyType.SECP256K1) {
            ECPoint p = point(raw).normalize();
            jwk.put("x", b64(p.getAffineXCoord().getEncoded()));
            jwk.put("y", b64(p.getAffineYCoord().getEncoded()));
        } else {
            jwk.put("x", b64(raw));
        }
        return jwk;
    }

    public static PublicKey fromJwk(Map<String, ?> jwk) {
        String kty = String.valueOf(jwk.get("kty"));
        KeyType type = KeyType.ofJwkCurve(String.valueOf(jwk.get("crv")));
        if (!type.jwkType().equals(kty)) {
            throw new IllegalArgumentException("JWK kty " + kty + " does not fit curve " + type.jwkCurve());
        }
        byte[] x = unb64(jwk.get("x"));
        if (type != KeyType.SECP256K1) {
            return new PublicKey(type, x);
        }
        byte[] y = unb64(jwk.get("y"));
        if (x.length != 32 || y.length != 32) {
            throw new IllegalArgumentException("secp256k1 JWK coordinates must be 32 bytes");
        }
        byte[] uncompressed = new byte[65];
        uncompressed[0] = 4;
        System.arraycopy(x, 0, uncompressed, 1, 32);
        System.arraycopy(y, 0, uncompressed, 33, 32);
        ECPoint p;
        try {
            p = SECP256K1.getCurve().decodePoint(uncompressed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a secp256k1 curve point", e);
        }
        return new PublicKey(KeyType.SECP256K1, p.getEncoded(true));
    }

    /** The secp256k1 point (decompressed and validated). */
    public ECPoint ecPoint() {
        if (type != KeyType.SECP256K1) {
            throw new IllegalStateException("not a secp256k1 key");
        }
        return point(raw);
    }

    /**
     * The X25519 key of the same secret (RFC 7748 birational map u = (1 + y) / (1 - y) mod p), which did:key
     * documents of Ed25519 keys list under keyAgreement.
     */
    public PublicKey toX25519() {
        if (type != KeyType.ED25519) {
            throw new IllegalStateException("only Ed25519 keys map to X25519");
        }
        byte[] le = raw.clone();
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, reverse(le));
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P25519).modInverse(P25519))
            .mod(P25519);
        byte[] be = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return new PublicKey(KeyType.X25519, out);
    }

    private static ECPoint point(byte[] encoded) {
        try {
            ECPoint p = SECP256K1.getCurve().decodePoint(encoded);
            if (!p.isValid()) {
                throw new IllegalArgumentException("not a secp256k1 curve point");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a secp256k1 curve point", e);
        }
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unb64(Object v) {
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("JWK coordinate missing");
        }
        return Base64.getUrlDecoder().decode(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && k.type == type && Arrays.equals(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return multibase();
    }
}
