package io.copartner.keycloak.did;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.copartner.kernel.crypto.Ed25519;
import io.copartner.kernel.encoding.DidKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a sign-in assertion: a compact JWS whose claims are {@code iss = sub = did:key:…}, {@code aud} = the
 * token endpoint, {@code nonce}, {@code iat}, {@code exp <= iat + 300 s} and {@code jti}, signed by the DID's key
 * ({@code EdDSA} for Ed25519, {@code ES256K} for secp256k1) with header {@code kid} = the DID URL of that key.
 * The nonce is not consumed here (see {@code Nonces}).
 */
public final class DidJwtVerifier {

    /** Longest accepted assertion lifetime, {@code exp - iat}. */
    public static final long MAX_LIFETIME_SECONDS = 300;
    /** Clock difference tolerated between the wallet and Keycloak. */
    public static final long CLOCK_SKEW_SECONDS = 30;

    private DidJwtVerifier() {
    }

    /** The verified content of an assertion. */
    public record Assertion(DidKey did, String nonce, String jti, Instant issuedAt, Instant expiresAt) {
    }

    /** The unverified {@code iss} of a compact JWS, or null if it is not one. Only for routing, never for trust. */
    public static String peekIssuer(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param expectedAudience the realm's token endpoint URL
     * @throws InvalidAssertionException with a reason fit for {@code error_description}
     */
    public static Assertion verify(String jwt, String expectedAudience, Instant now) throws InvalidAssertionException {
        if (jwt == null || jwt.isBlank()) {
            throw new InvalidAssertionException("missing assertion");
        }
        SignedJWT signed;
        JWTClaimsSet claims;
        try {
            signed = SignedJWT.parse(jwt);
            claims = signed.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new InvalidAssertionException("assertion is not a signed JWT");
        }
        String iss = claims.getIssuer();
        if (iss == null || !iss.equals(claims.getSubject())) {
            throw new InvalidAssertionException("iss and sub must both be the DID");
        }
        DidKey did;
        try {
            did = DidKey.parse(iss);
        } catch (IllegalArgumentException e) {
            throw new InvalidAssertionException(e.getMessage());
        }
        JWSHeader header = signed.getHeader();
        if (!did.keyId().equals(header.getKeyID())) {
            throw new InvalidAssertionException("kid must be the DID URL of the key: " + did.keyId());
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidAssertionException("unsupported critical header parameters");
        }
        String alg = header.getAlgorithm().getName();
        if (!did.type().jwsAlgorithms().contains(alg)) {
            throw new InvalidAssertionException("alg " + alg + " does not fit a " + did.type() + " key (use "
                + String.join(" or ", did.type().jwsAlgorithms()) + ")");
        }
        boolean valid;
        try {
            valid = signed.verify(verifierFor(did));
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidAssertionException("signature does not verify with the DID's key");
        }

        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(expectedAudience)) {
            throw new InvalidAssertionException("aud must be the token endpoint " + expectedAudience);
        }
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null || exp == null) {
            throw new InvalidAssertionException("iat and exp are required");
        }
        long iatS = iat.getTime() / 1000;
        long expS = exp.getTime() / 1000;
        long nowS = now.getEpochSecond();
        if (expS <= iatS || expS - iatS > MAX_LIFETIME_SECONDS) {
            throw new InvalidAssertionException("exp must be after iat and at most " + MAX_LIFETIME_SECONDS
                + " s after it");
        }
        if (nowS > expS + CLOCK_SKEW_SECONDS) {
            throw new InvalidAssertionException("assertion expired");
        }
        if (iatS > nowS + CLOCK_SKEW_SECONDS) {
            throw new InvalidAssertionException("iat is in the future");
        }
        String nonce;
        try {
            nonce = claims.getStringClaim("nonce");
        } catch (ParseException e) {
            nonce = null;
        }
        if (nonce == null || nonce.isBlank()) {
            throw new InvalidAssertionException("nonce is required");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new InvalidAssertionException("jti is required");
        }
        return new Assertion(did, nonce, jti, Instant.ofEpochSecond(iatS), Instant.ofEpochSecond(expS));
    }

    static JWSVerifier verifierFor(DidKey did) throws GeneralSecurityException, JOSEException {
        return switch (did.type()) {
            case ED25519 -> new JdkEd25519Verifier(PublicKeys.ed25519(did.publicKey()));
            // ES256K needs BouncyCastle's secp256k1 through nimbus, so it stays here rather than in the kernel.
            case SECP256K1 -> {
                ECDSAVerifier v = new ECDSAVerifier(PublicKeys.secp256k1(did.publicKey()));
                v.getJCAContext().setProvider(PublicKeys.BC);
                yield v;
            }
            default -> throw new GeneralSecurityException(did.type() + " keys do not sign");
        };
    }

    /**
     * nimbus' face of the kernel's JDK-only EdDSA check: nimbus' own Ed25519Verifier needs Google Tink, which
     * Keycloak does not ship.
     */
    static final class JdkEd25519Verifier implements JWSVerifier {

        private final PublicKey key;
        private final JCAContext jca = new JCAContext();

        JdkEd25519Verifier(PublicKey key) {
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
                return false;
            }
            return Ed25519.verifyJws(key, header.getAlgorithm().getName(), signingInput, signature.decode());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
