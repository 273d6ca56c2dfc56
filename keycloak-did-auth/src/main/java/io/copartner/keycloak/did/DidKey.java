package io.copartner.keycloak.did;

import io.copartner.kernel.encoding.Multikey;
import java.util.Objects;

/**
 * A did:key (W3C CCG did:key method): {@code did:key:z<base58btc(varint(multicodec) || public key)>}, for
 * Ed25519 and secp256k1 keys. Its one verification method is {@code <did>#<method-specific id>}.
 */
public final class DidKey {

    public static final String PREFIX = "did:key:";

    private final String did;
    private final KeyType type;
    private final byte[] publicKey;

    private DidKey(String did, KeyType type, byte[] publicKey) {
        this.did = did;
        this.type = type;
        this.publicKey = publicKey;
    }

    /**
     * Parses a DID; only did:key with a base58btc multibase value and a supported multicodec is accepted.
     *
     * @throws InvalidDidException with a reason fit for an error response
     */
    public static DidKey parse(String did) throws InvalidDidException {
        if (did == null || !did.startsWith("did:")) {
            throw new InvalidDidException("not a DID");
        }
        int methodEnd = did.indexOf(':', 4);
        if (methodEnd < 0 || !did.substring(4, methodEnd).matches("[a-z0-9]+")) {
            throw new InvalidDidException("malformed DID");
        }
        String method = did.substring(4, methodEnd);
        if (!method.equals("key")) {
            throw new InvalidDidException("unsupported DID method: " + method);
        }
        String msid = did.substring(PREFIX.length());
        if (msid.isEmpty() || msid.chars().anyMatch(c -> c == '#' || c == '?' || c == '/' || c == ':')) {
            throw new InvalidDidException("malformed did:key: expected did:key:z<base58btc>");
        }
        if (msid.charAt(0) != 'z') {
            throw new InvalidDidException("malformed did:key: only base58btc multibase ('z') is supported");
        }
        Multikey.Decoded decoded;
        try {
            decoded = Multikey.decode(msid);
        } catch (IllegalArgumentException e) {
            throw new InvalidDidException("malformed did:key: " + e.getMessage());
        }
        for (KeyType t : KeyType.values()) {
            if (t.multicodec() == decoded.multicodec()) {
                byte[] key = decoded.key();
                if (key.length != t.keyLength()) {
                    throw new InvalidDidException("malformed did:key: a " + t + " key has " + t.keyLength()
                        + " bytes, not " + key.length);
                }
                if (t == KeyType.SECP256K1 && key[0] != 0x02 && key[0] != 0x03) {
                    throw new InvalidDidException("malformed did:key: secp256k1 key is not a compressed point");
                }
                return new DidKey(did, t, key);
            }
        }
        throw new InvalidDidException("unsupported did:key key type (only Ed25519 0xed and secp256k1 0xe7)");
    }

    /** The did:key of a raw public key (32-byte Ed25519 or 33-byte compressed secp256k1). */
    public static DidKey of(KeyType type, byte[] publicKey) {
        if (publicKey.length != type.keyLength()) {
            throw new IllegalArgumentException(type + " keys have " + type.keyLength() + " bytes");
        }
        return new DidKey(PREFIX + Multikey.encode(type.multicodec(), publicKey), type, publicKey.clone());
    }

    public String did() {
        return did;
    }

    public KeyType type() {
        return type;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The multibase value after {@code did:key:}, starting with 'z'. */
    public String methodSpecificId() {
        return did.substring(PREFIX.length());
    }

    /** The DID URL of the key: {@code did:key:z…#z…}. */
    public String keyId() {
        return did + "#" + methodSpecificId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DidKey other && other.did.equals(did);
    }

    @Override
    public int hashCode() {
        return Objects.hash(did);
    }

    @Override
    public String toString() {
        return did;
    }
}
