package io.copartner.identity.did;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.api.DidSignatures.Failure;
import io.copartner.identity.api.DidSignatures.InvalidJws;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.kernel.encoding.DidKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * Compact JWS by a did:key, checked as DID sign-in checks its assertion: the kid is the DID URL of the key, the alg
 * fits the key type, the signature verifies. Only {@code EdDSA} and {@code ES256K} are accepted, and no critical
 * header parameter.
 */
public final class DidKeyJws {

    private static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256K");

    private DidKeyJws() {
    }

    public static DidSignatures.Verified verify(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > 16_384) {
            throw new InvalidJws(Failure.MALFORMED, "not a compact JWS");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJws(Failure.MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        Map<String, Object> payload = jws.getPayload().toJSONObject();
        if (payload == null) {
            throw new InvalidJws(Failure.MALFORMED, "the JWS payload is not a JSON object");
        }
        var header = jws.getHeader();
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidJws(Failure.MALFORMED, "unsupported critical header parameters");
        }
        String alg = header.getAlgorithm().getName();
        if (!ALGORITHMS.contains(alg)) {
            throw new InvalidJws(Failure.MALFORMED, "alg must be EdDSA or ES256K");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.indexOf('#') < 0) {
            throw new InvalidJws(Failure.MALFORMED, "kid must be the DID URL of the signing key (<did>#<multibase key>)");
        }
        DidKey did;
        try {
            did = DidKey.parse(kid.substring(0, kid.indexOf('#')));
        } catch (IllegalArgumentException e) {
            throw new InvalidJws(Failure.MALFORMED, "kid: " + e.getMessage());
        }
        if (!did.keyId().equals(kid)) {
            throw new InvalidJws(Failure.SIGNATURE, "kid must be the DID URL of the key: " + did.keyId());
        }
        if (!did.type().jwsAlgorithms().contains(alg)) {
            throw new InvalidJws(Failure.SIGNATURE, "alg " + alg + " does not fit a " + did.type() + " key");
        }
        boolean valid;
        try {
            valid = jws.verify(JwsKeys.verifier(new PublicKey(did.type(), did.publicKey())));
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidJws(Failure.SIGNATURE, "the signature does not verify with the key of " + did.did());
        }
        return new DidSignatures.Verified(did.did(), kid, alg, header.toJSONObject(), payload);
    }
}
