package io.copartner.identity.did;

import io.copartner.kernel.encoding.Base58;
import io.copartner.identity.api.KeyFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The did:key method (W3C CCG did:key v0.9): {@code did:key:z<base58btc(multicodec ‖ public key)>} for
 * Ed25519 ({@code z6Mk…}) and compressed secp256k1 ({@code zQ3s…}) keys, and its DID document, which is
 * derived from the identifier alone.
 */
public final class DidKey {

    public static final String PREFIX = "did:key:";

    private DidKey() {
    }

    public static String of(PublicKey key) {
        if (key.type() == KeyType.X25519) {
            throw new IllegalArgumentException("X25519 keys cannot sign; a did:key here is Ed25519 or secp256k1");
        }
        return PREFIX + key.multibase();
    }

    /** The key a did:key identifies; rejects anything but a bare, well-formed Ed25519 or secp256k1 did:key. */
    public static PublicKey decode(String did) {
        if (did == null || !did.startsWith(PREFIX)) {
            throw new MalformedDidException("not a did:key");
        }
        String id = did.substring(PREFIX.length());
        if (id.isEmpty() || id.length() > 128 || !id.chars().allMatch(c -> Base58.ALPHABET.indexOf(c) >= 0)) {
            throw new MalformedDidException("the did:key method-specific id must be a base58btc multibase key");
        }
        PublicKey key;
        try {
            key = PublicKey.fromMultibase(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedDidException("invalid did:key: " + e.getMessage());
        }
        if (key.type() == KeyType.X25519) {
            throw new MalformedDidException("invalid did:key: X25519 keys are not supported as identifiers");
        }
        if (!key.multibase().equals(id)) {
            throw new MalformedDidException("invalid did:key: not in canonical encoding");
        }
        return key;
    }

    public static Map<String, Object> document(String did, KeyFormat format) {
        PublicKey key = decode(did);
        String mb = key.multibase();
        String vmId = did + "#" + mb;
        List<Object> context = new ArrayList<>(List.of(DidDocuments.DID_CONTEXT));
        context.add(format == KeyFormat.MULTIKEY ? DidDocuments.MULTIKEY_CONTEXT : DidDocuments.JWS_2020_CONTEXT);
        List<Map<String, Object>> vms = new ArrayList<>();
        vms.add(DidDocuments.verificationMethod(vmId, did, key, format));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context);
        doc.put("id", did);
        doc.put("verificationMethod", vms);
        doc.put("authentication", List.of(vmId));
        doc.put("assertionMethod", List.of(vmId));
        doc.put("capabilityInvocation", List.of(vmId));
        doc.put("capabilityDelegation", List.of(vmId));
        if (key.type() == KeyType.ED25519) {
            PublicKey x = key.toX25519();
            String kaId = did + "#" + x.multibase();
            vms.add(DidDocuments.verificationMethod(kaId, did, x, format));
            doc.put("keyAgreement", List.of(kaId));
        }
        return doc;
    }
}
