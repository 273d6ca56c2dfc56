package io.copartner.kernel.encoding;

import java.util.Set;

/**
 * The public key types DIDs here carry, with their multicodec code (unsigned varint in a multikey), raw key
 * length, JWK curve and key type (RFC 8037 / RFC 8812) and the JWS {@code alg} values a signature by the key may
 * name: Ed25519 (0xed), secp256k1 compressed (0xe7) and X25519 (0xec, key agreement only, signs nothing).
 */
public enum KeyType {
    /** multicodec ed25519-pub (0xed, varint 0xed 0x01): the 32-byte RFC 8032 public key. */
    ED25519(0xed, 32, "Ed25519", "OKP", Set.of("EdDSA", "Ed25519")),
    /** multicodec secp256k1-pub (0xe7, varint 0xe7 0x01): the 33-byte SEC1 compressed point. */
    SECP256K1(0xe7, 33, "secp256k1", "EC", Set.of("ES256K")),
    /** multicodec x25519-pub (0xec): only in did:key documents' keyAgreement. */
    X25519(0xec, 32, "X25519", "OKP", Set.of());

    private final int multicodec;
    private final int length;
    private final String jwkCurve;
    private final String jwkType;
    private final Set<String> jwsAlgorithms;

    KeyType(int multicodec, int length, String jwkCurve, String jwkType, Set<String> jwsAlgorithms) {
        this.multicodec = multicodec;
        this.length = length;
        this.jwkCurve = jwkCurve;
        this.jwkType = jwkType;
        this.jwsAlgorithms = jwsAlgorithms;
    }

    public int multicodec() {
        return multicodec;
    }

    /** Length of the raw public key in bytes (33 for a compressed secp256k1 point). */
    public int length() {
        return length;
    }

    public String jwkCurve() {
        return jwkCurve;
    }

    public String jwkType() {
        return jwkType;
    }

    /** JWS {@code alg} values accepted for a signature by a key of this type; empty if it does not sign. */
    public Set<String> jwsAlgorithms() {
        return jwsAlgorithms;
    }

    public boolean signs() {
        return !jwsAlgorithms.isEmpty();
    }

    /** @throws IllegalArgumentException for a code that is none of these */
    public static KeyType ofMulticodec(long code) {
        for (KeyType t : values()) {
            if (t.multicodec == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported multicodec 0x" + Long.toHexString(code));
    }

    /** @throws IllegalArgumentException for a curve that is none of these */
    public static KeyType ofJwkCurve(String crv) {
        for (KeyType t : values()) {
            if (t.jwkCurve.equals(crv)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported JWK curve " + crv);
    }
}
