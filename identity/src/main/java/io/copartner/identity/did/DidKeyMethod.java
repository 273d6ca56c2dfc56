package io.copartner.identity.did;

import io.copartner.kernel.encoding.KeyType;
import io.copartner.kernel.encoding.DidKey;
import io.copartner.identity.api.KeyFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The did:key method (W3C CCG did:key v0.9): {@code did:key:z<base58btc(multicodec ‖ public key)>} for
 * Ed25519 ({@code z6Mk…}) and compressed secp256k1 ({@code zQ3s…}) keys, and its DID document, which is
 * derived from the identifier alone. The identifier's codec is the kernel's {@link DidKey}; this adds the
 * curve-point check and the document.
 */
public final class DidKeyMethod {

    public static final String PREFIX = DidKey.PREFIX;

    private DidKeyMethod() {
    }

    public static String of(PublicKey key) {
        return DidKey.of(key.type(), key.raw()).did();
    }

    /** The key a did:key identifies; rejects anything but a bare, well-formed Ed25519 or secp256k1 did:key. */
    public static PublicKey decode(String did) {
        if (did == null || !did.startsWith(PREFIX)) {
            throw new MalformedDidException("not a did:key");
        }
        DidKey parsed;
        try {
            parsed = DidKey.parse(did);
        } catch (IllegalArgumentException e) {
            throw new MalformedDidException("invalid did:key: " + e.getMessage());
        }
        try {
            return new PublicKey(parsed.type(), parsed.publicKey());
        } catch (IllegalArgumentException e) {
            throw new MalformedDidException("invalid did:key: " + e.getMessage());
        }
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
