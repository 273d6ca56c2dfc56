package io.copartner.keycloak.did;

import java.util.Set;

/** The did:key key types this provider accepts: multicodec code, raw key length and the JWS algorithms. */
public enum KeyType {
    /** multicodec ed25519-pub (0xed, varint 0xed 0x01): the 32-byte RFC 8032 public key. */
    ED25519(0xed, 32, Set.of("EdDSA", "Ed25519")),
    /** multicodec secp256k1-pub (0xe7, varint 0xe7 0x01): the 33-byte SEC1 compressed point. */
    SECP256K1(0xe7, 33, Set.of("ES256K"));

    private final int multicodec;
    private final int keyLength;
    private final Set<String> jwsAlgorithms;

    KeyType(int multicodec, int keyLength, Set<String> jwsAlgorithms) {
        this.multicodec = multicodec;
        this.keyLength = keyLength;
        this.jwsAlgorithms = jwsAlgorithms;
    }

    public int multicodec() {
        return multicodec;
    }

    public int keyLength() {
        return keyLength;
    }

    /** JWS {@code alg} values accepted for a signature by this key. */
    public Set<String> jwsAlgorithms() {
        return jwsAlgorithms;
    }
}
