package io.copartner.identity.did;

import io.copartner.identity.api.KeyFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Building blocks of W3C DID Core documents shared by did:key and did:web. */
public final class DidDocuments {

    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    public static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";
    /** Defines {@code JsonWebKey} and {@code publicKeyJwk} (W3C Controlled Identifiers / VC-JOSE-COSE). */
    public static final String JWK_CONTEXT = "https://w3id.org/security/jwk/v1";

    private DidDocuments() {
    }

    public static Map<String, Object> verificationMethod(String id, String controller, PublicKey key,
                                                         KeyFormat format) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("id", id);
        if (format == KeyFormat.MULTIKEY) {
            vm.put("type", "Multikey");
            vm.put("controller", controller);
            vm.put("publicKeyMultibase", key.multibase());
        } else {
            vm.put("type", "JsonWebKey2020");
            vm.put("controller", controller);
            vm.put("publicKeyJwk", key.jwk());
        }
        return vm;
    }

    /**
     * A {@code JsonWebKey} verification method (VC-JOSE-COSE §4.3: a key that signs vc+jwt is published so):
     * {@code publicKeyJwk} with only the public members kty, crv, x (and y for EC).
     */
    public static Map<String, Object> jsonWebKey(String id, String controller, PublicKey key) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("id", id);
        vm.put("type", "JsonWebKey");
        vm.put("controller", controller);
        vm.put("publicKeyJwk", key.jwk());
        return vm;
    }

    /** The key of a verification method expressed as Multikey, JsonWebKey2020/JsonWebKey or Ed25519VerificationKey2020. */
    @SuppressWarnings("unchecked")
    public static PublicKey keyOf(Map<String, Object> vm) {
        Object mb = vm.get("publicKeyMultibase");
        if (mb instanceof String s) {
            return PublicKey.fromMultibase(s);
        }
        Object jwk = vm.get("publicKeyJwk");
        if (jwk instanceof Map<?, ?> m) {
            return PublicKey.fromJwk((Map<String, ?>) m);
        }
        throw new IllegalArgumentException("verification method " + vm.get("id") + " has no supported key");
    }
}
