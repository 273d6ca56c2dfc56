package io.copartner.identity.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.copartner.kernel.json.CanonicalJson;
import java.text.ParseException;
import java.util.Map;

/**
 * W3C VC-JOSE-COSE "vc+jwt": a compact JWS whose payload is the credential itself (VC Data Model 2.0, as RFC 8785
 * canonical JSON)
 * and whose protected header carries {@code typ: vc+jwt}, {@code cty: vc} and the signing key's DID URL as
 * {@code kid}.
 */
public final class VcJwt {

    public static final String TYP = "vc+jwt";
    public static final String CTY = "vc";
    public static final String MEDIA_TYPE = "application/vc+jwt";

    private VcJwt() {
    }

    public static String sign(Map<String, Object> credential, String kid, JWSAlgorithm alg, JWSSigner signer) {
        JWSHeader header = new JWSHeader.Builder(alg)
            .type(new JOSEObjectType(TYP))
            .contentType(CTY)
            .keyID(kid)
            .build();
        // The payload is the RFC 8785 canonical form of the credential (DESIGN.md §3), so its bytes are reproducible.
        JWSObject jws = new JWSObject(header, new Payload(CanonicalJson.canonicalize(JSONObjectUtils.toJSONString(credential))));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jws.serialize();
    }

    /** A parsed, not yet verified vc+jwt. */
    public record Parsed(JWSObject jws, JWSHeader header, Map<String, Object> credential) {

        public boolean verify(JWSVerifier verifier) {
            try {
                return jws.verify(verifier);
            } catch (JOSEException | IllegalStateException e) {
                return false;
            }
        }
    }

    /** @throws IllegalArgumentException if it is not a compact JWS with a JSON object payload */
    public static Parsed parse(String compact) {
        if (compact == null || compact.isBlank()) {
            throw new IllegalArgumentException("empty credential");
        }
        if (compact.length() > 1_000_000) {
            throw new IllegalArgumentException("credential too large");
        }
        try {
            JWSObject jws = JWSObject.parse(compact.trim());
            Map<String, Object> payload = jws.getPayload().toJSONObject();
            if (payload == null) {
                throw new IllegalArgumentException("the JWS payload is not a JSON object");
            }
            return new Parsed(jws, jws.getHeader(), payload);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a compact JWS: " + e.getMessage(), e);
        }
    }
}
