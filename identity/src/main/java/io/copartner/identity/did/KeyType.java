package io.copartner.identity.did;

/**
 * Public key types a DID in this platform can carry, with their multicodec code (unsigned varint in the
 * multikey) and raw key length: Ed25519 (0xed), secp256k1 compressed (0xe7) and X25519 (0xec, key agreement only).
 */
public enum KeyType {
    ED25519(0xed, 32, "Ed25519", "OKP"),
    SECP256K1(0xe7, 33, "secp256k1", "EC"),
    X25519(0xec, 32, "X25519", "OKP");

    private final int multicodec;
    private final int length;
    private final String jwkCurve;
    private final String jwkType;

    KeyType(int multicodec, int length, String jwkCurve, String jwkType) {
        this.multicodec = multicodec;
        this.length = length;
        this.jwkCurve = jwkCurve;
        this.jwkType = jwkType;
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

    static KeyType ofMulticodec(long code) {
        for (KeyType t : values()) {
            if (t.multicodec == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported multicodec 0x" + Long.toHexString(code));
    }

    static KeyType ofJwkCurve(String crv) {
        for (KeyType t : values()) {
            if (t.jwkCurve.equals(crv)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported JWK curve " + crv);
    }
}
