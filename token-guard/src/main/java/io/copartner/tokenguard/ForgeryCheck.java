package io.copartner.tokenguard;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a bearer token that certainly cannot be genuine (a {@link Verdict#FORGED} one) from one the MicroProfile JWT
 * interceptor should judge. Only the signature and the header are looked at: expiry, issuer and audience stay
 * mpJwt's (it does not log tokens it refuses for those).
 */
final class ForgeryCheck {

    enum Verdict {
        /** Unparseable, not RS256, a kid the issuer does not publish, or a signature that does not verify. */
        FORGED,
        /** Signed by one of the issuer's keys (or the keys are not known yet): mpJwt decides. */
        UNDECIDED
    }

    private static final int MAX_REMEMBERED = 4096;

    private final IssuerKeys keys;
    /** Tokens already seen to verify, so a client reusing its token costs one map lookup, not an RSA check. */
    private final ConcurrentHashMap<String, Boolean> verified = new ConcurrentHashMap<>();

    ForgeryCheck(IssuerKeys keys) {
        this.keys = keys;
    }

    Verdict judge(String token) {
        if (verified.containsKey(token)) {
            return Verdict.UNDECIDED;
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException notACompactJws) {
            return Verdict.FORGED; // includes alg "none" (not a JWS) and anything truncated or corrupted
        }
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
            return Verdict.FORGED; // the platform accepts RS256 only (server.xml signatureAlgorithm)
        }
        String kid = jws.getHeader().getKeyID();
        Optional<RSAPublicKey> key = kid == null ? Optional.empty() : keys.key(kid);
        if (key.isEmpty()) {
            // A genuine signature under an edited header would pass as "unknown kid" and let the logs rebuild the
            // token, so an unknown kid is a forgery; the lookup has just refetched the JWKS for a key added since.
            // Without any key at all (the issuer never answered) nothing can be judged: mpJwt decides.
            return keys.loaded() ? Verdict.FORGED : Verdict.UNDECIDED;
        }
        try {
            if (!jws.verify(new RSASSAVerifier(key.get()))) {
                return Verdict.FORGED;
            }
        } catch (Exception unverifiable) {
            return Verdict.FORGED;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, Boolean.TRUE);
        return Verdict.UNDECIDED;
    }
}
