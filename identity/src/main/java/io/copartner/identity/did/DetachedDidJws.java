package io.copartner.identity.did;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.DidResolver;
import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.api.DidSignatures.Failure;
import io.copartner.identity.api.DidSignatures.InvalidJws;
import io.copartner.identity.api.KeyFormat;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.kernel.problem.ProblemException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compact JWS with a detached payload (RFC 7515 Appendix F) by any DID the resolver knows: the kid names a
 * verification method that the DID document, as resolved now, lists under {@code assertionMethod}.
 */
public final class DetachedDidJws {

    private static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256K");

    private DetachedDidJws() {
    }

    public static DidSignatures.Verified verify(String compact, byte[] payload, DidResolver resolver) {
        if (compact == null || compact.length() > 16_384 || !compact.matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+")) {
            throw new InvalidJws(Failure.MALFORMED, "not a compact JWS with a detached payload (header..signature)");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact, new Payload(payload));
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJws(Failure.MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        var header = jws.getHeader();
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidJws(Failure.MALFORMED, "unsupported critical header parameters (b64:false is not accepted)");
        }
        String alg = header.getAlgorithm().getName();
        if (!ALGORITHMS.contains(alg)) {
            throw new InvalidJws(Failure.MALFORMED, "alg must be EdDSA or ES256K");
        }
        String kid = header.getKeyID();
        int hash = kid == null ? -1 : kid.indexOf('#');
        if (hash <= 0 || hash == kid.length() - 1) {
            throw new InvalidJws(Failure.MALFORMED, "kid must be <did>#<key id>");
        }
        String did = kid.substring(0, hash);
        DidDocument doc;
        try {
            doc = resolver.resolve(did, KeyFormat.MULTIKEY);
        } catch (ProblemException e) {
            if (e.problem().status() == 503) {
                throw e;
            }
            throw new InvalidJws(Failure.SIGNATURE, "the DID " + did + " does not resolve: " + e.getMessage());
        }
        Map<String, Object> method = assertionMethod(doc, did, kid);
        PublicKey key;
        try {
            key = DidDocuments.keyOf(method);
        } catch (IllegalArgumentException e) {
            throw new InvalidJws(Failure.SIGNATURE, "the key " + kid + " is not usable: " + e.getMessage());
        }
        if (!key.type().jwsAlgorithms().contains(alg)) {
            throw new InvalidJws(Failure.SIGNATURE, "alg " + alg + " does not fit the " + key.type() + " key " + kid);
        }
        boolean valid;
        try {
            valid = jws.verify(JwsKeys.verifier(key));
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidJws(Failure.SIGNATURE, "the signature does not verify with the key " + kid);
        }
        return new DidSignatures.Verified(did, kid, alg, header.toJSONObject(), Map.of());
    }

    /** The verification method {@code kid} if the document lists it (by reference or embedded) as an assertionMethod. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> assertionMethod(DidDocument doc, String did, String kid) {
        Object listed = doc.content().get("assertionMethod");
        if (!(listed instanceof List<?> assertion)) {
            throw new InvalidJws(Failure.SIGNATURE, kid + " is not an assertionMethod of " + did);
        }
        boolean referenced = false;
        for (Object a : assertion) {
            if (a instanceof String ref && kid.equals(absolute(did, ref))) {
                referenced = true;
            } else if (a instanceof Map<?, ?> m && kid.equals(absolute(did, String.valueOf(m.get("id"))))) {
                return (Map<String, Object>) m;
            }
        }
        Object methods = doc.content().get("verificationMethod");
        if (referenced && methods instanceof List<?> vms) {
            for (Object vm : vms) {
                if (vm instanceof Map<?, ?> m && kid.equals(absolute(did, String.valueOf(m.get("id"))))) {
                    return (Map<String, Object>) m;
                }
            }
        }
        throw new InvalidJws(Failure.SIGNATURE, kid + " is not an assertionMethod of " + did);
    }

    private static String absolute(String did, String ref) {
        return ref.startsWith("#") ? did + ref : ref;
    }
}
