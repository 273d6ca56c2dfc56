package io.copartner.kernel.encoding;

import java.util.Objects;

/**
 * A did:key (W3C CCG did:key method) of a signing key: {@code did:key:z<base58btc(varint(multicodec) ‖ key)>} for
 * Ed25519 ({@code z6Mk…}) and compressed secp256k1 ({@code zQ3s…}). Its one signing verification method is
 * {@code <did>#<method-specific id>}. Only the encoding and its checks (length, compressed-point prefix, canonical
 * form); whether the bytes are a point on the curve is checked by whoever turns them into a key.
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
     * Parses a bare did:key (no path, query or fragment) of an Ed25519 or secp256k1 key.
     *
     * @throws IllegalArgumentException with a reason fit for an error response
     */
    public static DidKey parse(String did) {
        if (did == null || !did.startsWith("did:")) {
            throw new IllegalArgumentException("not a DID");
        }
        int methodEnd = did.indexOf(':', 4);
        if (methodEnd < 0 || !did.substring(4, methodEnd).matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("malformed DID");
        }
        String method = did.substring(4, methodEnd);
        if (!method.equals("key")) {
            throw new IllegalArgumentException("unsupported DID method: " + method);
        }
        String msid = did.substring(PREFIX.length());
        if (msid.isEmpty() || msid.length() > 128 || !msid.chars().allMatch(c -> Base58.ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("malformed did:key: expected did:key:z<base58btc>");
        }
        if (msid.charAt(0) != 'z') {
            throw new IllegalArgumentException("malformed did:key: only base58btc multibase ('z') is supported");
        }
        Multikey.Decoded decoded;
        try {
            decoded = Multikey.decode(msid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed did:key: " + e.getMessage());
        }
        KeyType t;
        try {
            t = KeyType.ofMulticodec(decoded.multicodec());
        } catch (IllegalArgumentException e) {
            t = null;
        }
        if (t == null || !t.signs()) {
            throw new IllegalArgumentException("unsupported did:key key type (only Ed25519 0xed and secp256k1 0xe7)");
        }
        byte[] key = decoded.key();
        if (key.length != t.length()) {
            throw new IllegalArgumentException("malformed did:key: a " + t + " key has " + t.length() + " bytes, not "
                + key.length);
        }
        if (t == KeyType.SECP256K1 && key[0] != 0x02 && key[0] != 0x03) {
            throw new IllegalArgumentException("malformed did:key: secp256k1 key is not a compressed point");
        }
        if (!Multikey.encode(t.multicodec(), key).equals(msid)) {
            throw new IllegalArgumentException("malformed did:key: not in canonical encoding");
        }
        return new DidKey(did, t, key);
    }

    /** The did:key of a raw signing public key (32-byte Ed25519 or 33-byte compressed secp256k1). */
    public static DidKey of(KeyType type, byte[] publicKey) {
        if (!type.signs()) {
            throw new IllegalArgumentException(type + " keys cannot sign; a did:key here is Ed25519 or secp256k1");
        }
        if (publicKey.length != type.length()) {
            throw new IllegalArgumentException(type + " keys have " + type.length() + " bytes");
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
