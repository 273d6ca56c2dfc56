package io.copartner.identity.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.DidResolver;
import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.credential.Ed25519Keys;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detached-payload JWS (RFC 7515 App. F) by a DID whose document lists the key as an assertionMethod. */
class DetachedDidJwsTest {

    static final byte[] PAYLOAD = "{\"a\":1,\"type\":\"ObjectEvent\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] SEED = new byte[32];

    static {
        SEED[0] = 42;
    }

    static final DidKey KEY = DidKey.of(KeyType.ED25519, Ed25519Keys.publicKey(SEED));
    static final String WEB = "did:web:shop.example:merchants:m-1";

    /** A did:web document with the key as #key-1, listed under assertionMethod only if {@code assertion}. */
    static DidResolver web(boolean assertion) {
        return (did, format) -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", did);
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", did + "#key-1");
            vm.put("type", "Multikey");
            vm.put("controller", did);
            vm.put("publicKeyMultibase", KEY.did().substring("did:key:".length()));
            doc.put("verificationMethod", List.of(vm));
            doc.put("authentication", List.of("#key-1"));
            doc.put("assertionMethod", assertion ? List.of("#key-1") : new ArrayList<>());
            return new DidDocument(did, doc);
        };
    }

    static String detached(String kid, byte[] payload) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).build(), new Payload(payload));
        jws.sign(JwsKeys.ed25519Signer(SEED));
        return jws.serialize(true);
    }

    @Test
    void aDetachedSignatureByAnAssertionMethodVerifies() throws Exception {
        DidSignatures.Verified v = DetachedDidJws.verify(detached(WEB + "#key-1", PAYLOAD), PAYLOAD, web(true));
        assertEquals(WEB, v.signerDid());
        assertEquals("EdDSA", v.alg());
        assertEquals(WEB + "#key-1", v.kid());
    }

    @Test
    void anotherPayloadOrAKeyThatIsNoAssertionMethodIsASignatureFailure() throws Exception {
        String jws = detached(WEB + "#key-1", PAYLOAD);
        byte[] other = "{\"a\":2,\"type\":\"ObjectEvent\"}".getBytes(StandardCharsets.UTF_8);
        assertFailure(DidSignatures.Failure.SIGNATURE, () -> DetachedDidJws.verify(jws, other, web(true)));
        assertFailure(DidSignatures.Failure.SIGNATURE, () -> DetachedDidJws.verify(jws, PAYLOAD, web(false)));
        assertFailure(DidSignatures.Failure.SIGNATURE,
            () -> DetachedDidJws.verify(detached(WEB + "#key-2", PAYLOAD), PAYLOAD, web(true)));
    }

    @Test
    void anAttachedPayloadOrABadKidIsMalformed() throws Exception {
        JWSObject attached = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(WEB + "#key-1").build(),
            new Payload(PAYLOAD));
        attached.sign(JwsKeys.ed25519Signer(SEED));
        assertFailure(DidSignatures.Failure.MALFORMED, () -> DetachedDidJws.verify(attached.serialize(), PAYLOAD, web(true)));
        assertFailure(DidSignatures.Failure.MALFORMED, () -> DetachedDidJws.verify(detached("no-hash", PAYLOAD), PAYLOAD,
            web(true)));
    }

    private static void assertFailure(DidSignatures.Failure failure, org.junit.jupiter.api.function.Executable call) {
        DidSignatures.InvalidJws e = assertThrows(DidSignatures.InvalidJws.class, call);
        assertEquals(failure, e.failure(), e.getMessage());
    }
}
