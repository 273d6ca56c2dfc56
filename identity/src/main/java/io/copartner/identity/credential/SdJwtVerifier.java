package io.copartner.identity.credential;

import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an SD-JWT VC presentation (RFC 9901 §7.1, §7.3 without key binding): the issuer-signed JWT (typ
 * {@code dc+sd-jwt} or {@code vc+sd-jwt}, {@code kid} a key of the {@code iss} DID, signature checked against the
 * issuer's DID document like a vc+jwt), {@code _sd_alg} sha-256, every Disclosure's digest present exactly once
 * in {@code _sd} (a Disclosure that is unknown, repeated, or names a claim already in the payload fails), and
 * {@code nbf}/{@code exp}. The result's credential is the processed payload: plain claims plus the disclosed
 * ones, without {@code _sd}/{@code _sd_alg}: what the holder did not disclose does not appear.
 */
public final class SdJwtVerifier {

    private final CredentialVerifier jws;
    private final Clock clock;

    public SdJwtVerifier(CredentialVerifier.Documents documents, Clock clock) {
        this.jws = new CredentialVerifier(documents, url -> {
            throw new IllegalStateException("no status lists for SD-JWT");
        }, clock);
        this.clock = Objects.requireNonNull(clock);
    }

    public Verification verify(String presentation) {
        List<Check> checks = new ArrayList<>();
        SdJwt.Parts parts;
        VcJwt.Parsed parsed;
        try {
            parts = SdJwt.split(presentation);
            parsed = VcJwt.parse(parts.jwt());
        } catch (IllegalArgumentException e) {
            checks.add(new Check("format", false, e.getMessage()));
            return new Verification(false, checks, null);
        }
        Map<String, Object> payload = parsed.credential();
        Object typ = parsed.header().getType() == null ? null : parsed.header().getType().getType();
        if (!SdJwt.TYPES.contains(typ)) {
            checks.add(new Check("format", false, "JWS typ must be dc+sd-jwt or vc+sd-jwt but is " + typ));
            return new Verification(false, checks, null);
        }
        if (!SdJwt.SHA_256.equals(payload.getOrDefault(SdJwt.SD_ALG, SdJwt.SHA_256))) {
            checks.add(new Check("format", false, "unsupported _sd_alg " + payload.get(SdJwt.SD_ALG)));
            return new Verification(false, checks, null);
        }
        checks.add(new Check("format", true, "SD-JWT, typ " + typ + ", alg " + parsed.header().getAlgorithm()
            + ", " + parts.disclosures().size() + " disclosure(s)"));

        String issuer = payload.get("iss") instanceof String s ? s : null;
        String kid = parsed.header().getKeyID();
        String vmId = kid == null || issuer == null ? null : kid.startsWith("#") ? issuer + kid : kid;
        boolean issuerOk = issuer != null && issuer.startsWith("did:") && vmId != null && vmId.startsWith(issuer + "#");
        checks.add(new Check("issuer", issuerOk, issuerOk ? issuer
            : issuer == null || !issuer.startsWith("did:") ? "iss is not a DID" : "the JWS kid is not a key of " + issuer));
        Instant issuedAt = seconds(payload.get("iat"));
        if (issuerOk) {
            try {
                String problem = jws.verifyWith(parsed, issuer, vmId, issuedAt);
                checks.add(new Check("signature", problem == null, problem == null ? "verified with " + vmId : problem));
            } catch (Exception e) {
                checks.add(new Check("signature", false, "the issuer's DID document could not be resolved: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        } else {
            checks.add(new Check("signature", false, "no verification method of the issuer to check against"));
        }

        Map<String, Object> processed = new LinkedHashMap<>(payload);
        processed.remove(SdJwt.SD);
        processed.remove(SdJwt.SD_ALG);
        String disclosureProblem = disclose(payload, parts.disclosures(), processed);
        checks.add(new Check("disclosures", disclosureProblem == null, disclosureProblem == null
            ? parts.disclosures().size() + " disclosure(s) match digests in _sd" : disclosureProblem));
        checks.add(validity(payload));
        if (parts.keyBinding() != null) {
            checks.add(new Check("key-binding", false, "key binding JWTs are not supported"));
        }
        boolean verified = checks.stream().allMatch(Check::ok);
        // A presentation that failed shows no disclosed values, only what was signed in the clear.
        if (disclosureProblem != null) {
            processed.keySet().retainAll(plainClaims(payload));
        }
        return new Verification(verified, checks, processed);
    }

    private static Set<String> plainClaims(Map<String, Object> payload) {
        Set<String> plain = new HashSet<>(payload.keySet());
        plain.remove(SdJwt.SD);
        plain.remove(SdJwt.SD_ALG);
        return plain;
    }

    /** Adds each disclosed claim to {@code processed}; null if all are fine, else the first problem. */
    static String disclose(Map<String, Object> payload, List<String> disclosures, Map<String, Object> processed) {
        Object sd = payload.get(SdJwt.SD);
        List<?> digests = sd == null ? List.of() : sd instanceof List<?> l ? l : null;
        if (digests == null) {
            return "_sd must be an array of digests";
        }
        Set<String> known = new HashSet<>();
        for (Object d : digests) {
            if (!(d instanceof String s) || !known.add(s)) {
                return "_sd must hold distinct digest strings";
            }
        }
        Set<String> seen = new HashSet<>();
        for (String encoded : disclosures) {
            SdJwt.Disclosure disclosure;
            try {
                disclosure = SdJwt.Disclosure.parse(encoded);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            String digest = disclosure.digest();
            if (!seen.add(digest)) {
                return "a disclosure is presented twice";
            }
            if (!known.contains(digest)) {
                return "a disclosure's digest is not in _sd (tampered or from another credential)";
            }
            if (processed.containsKey(disclosure.name())) {
                return "the disclosed claim " + disclosure.name() + " is already present";
            }
            processed.put(disclosure.name(), disclosure.value());
        }
        return null;
    }

    private Check validity(Map<String, Object> payload) {
        Instant now = clock.instant();
        Instant nbf = seconds(payload.get("nbf"));
        Instant exp = seconds(payload.get("exp"));
        if (payload.get("exp") != null && exp == null || payload.get("nbf") != null && nbf == null) {
            return new Check("validity", false, "exp/nbf must be NumericDate seconds");
        }
        if (nbf != null && now.isBefore(nbf)) {
            return new Check("validity", false, "not valid before " + nbf);
        }
        if (exp != null && !now.isBefore(exp)) {
            return new Check("validity", false, "expired at " + exp);
        }
        return new Check("validity", true, "valid now" + (exp == null ? "" : ", until " + exp));
    }

    private static Instant seconds(Object o) {
        return o instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    }
}
