package io.copartner.identity.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.KeyBinding;
import io.copartner.identity.api.Credentials.Verification;
import io.copartner.identity.did.DidKeyMethod;
import io.copartner.kernel.encoding.KeyType;
import io.copartner.identity.did.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an SD-JWT VC presentation (RFC 9901 §7.1, §7.3): the issuer-signed JWT (typ
 * {@code dc+sd-jwt} or {@code vc+sd-jwt}, {@code kid} a key of the {@code iss} DID, signature checked against the
 * issuer's DID document like a vc+jwt), {@code _sd_alg} sha-256, every Disclosure's digest present exactly once
 * in {@code _sd} (a Disclosure that is unknown, repeated, or names a claim already in the payload fails), and
 * {@code nbf}/{@code exp}. The result's credential is the processed payload: plain claims plus the disclosed
 * ones, without {@code _sd}/{@code _sd_alg}: what the holder did not disclose does not appear. A Key Binding JWT
 * (§7.3) is checked whenever present and required when the {@link KeyBinding} says so: the holder key is the
 * payload's {@code cnf.jwk}; typ {@code kb+jwt}, an {@code alg} that fits that key, its signature, {@code sd_hash}
 * over exactly what was presented, {@code iat} within the last {@link #KB_MAX_AGE} (30 s of clock skew), and
 * {@code aud}/{@code nonce} equal to what the verifier expects. A {@code status} claim (Token Status List) is
 * checked against the signed {@code statuslist+jwt} it names.
 */
public final class SdJwtVerifier {

    static final Duration KB_MAX_AGE = Duration.ofMinutes(5);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final CredentialVerifier jws;
    private final CredentialVerifier.StatusLists statusLists;
    private final Clock clock;

    /** {@code statusLists} fetches a Status List Token ({@code statuslist+jwt}) by its URI. */
    public SdJwtVerifier(CredentialVerifier.Documents documents, CredentialVerifier.StatusLists statusLists,
                         Clock clock) {
        this.jws = new CredentialVerifier(documents, url -> {
            throw new IllegalStateException("an SD-JWT names no Bitstring Status List");
        }, CredentialContexts.baseOnly(), clock);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.clock = Objects.requireNonNull(clock);
    }

    public Verification verify(String presentation) {
        return verify(presentation, KeyBinding.OPTIONAL);
    }

    public Verification verify(String presentation, KeyBinding keyBinding) {
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
        checks.add(status(payload, issuer, vmId));
        if (parts.keyBinding() != null || keyBinding.required()) {
            checks.add(keyBinding(payload, presentation, parts.keyBinding(), keyBinding));
        }
        boolean verified = checks.stream().allMatch(Check::ok);
        // A presentation that failed shows no disclosed values, only what was signed in the clear.
        if (disclosureProblem != null) {
            processed.keySet().retainAll(plainClaims(payload));
        }
        return new Verification(verified, checks, processed);
    }

    /**
     * Token Status List (draft-ietf-oauth-status-list §8): {@code status.status_list} {@code {idx, uri}}; the
     * Status List Token at {@code uri} must be a {@code statuslist+jwt} with {@code sub} = {@code uri}, the same
     * {@code iss}, signed by a key of that issuer, not expired, and its entry {@code idx} must be 0 (VALID).
     */
    private Check status(Map<String, Object> payload, String issuer, String credentialKey) {
        Object status = payload.get("status");
        if (status == null) {
            return new Check("status", true, "no status claim");
        }
        if (!(status instanceof Map<?, ?> st) || !(st.get("status_list") instanceof Map<?, ?> ref)) {
            return new Check("status", false, "unsupported status claim (status.status_list expected)");
        }
        if (!(ref.get("idx") instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue()) || n.longValue() < 0
            || !(ref.get("uri") instanceof String uri)) {
            return new Check("status", false, "status.status_list needs a non-negative integer idx and a uri");
        }
        long idx = n.longValue();
        if (issuer == null || credentialKey == null) {
            return new Check("status", false, "no issuer to check the status list against");
        }
        try {
            String problem = tokenStatus(uri, idx, issuer);
            return new Check("status", problem == null, problem == null ? "status_list idx " + idx + " VALID" : problem);
        } catch (Exception e) {
            return new Check("status", false, "the status list " + uri + " could not be checked: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private String tokenStatus(String uri, long idx, String issuer) throws Exception {
        VcJwt.Parsed token = VcJwt.parse(statusLists.fetch(uri));
        Object typ = token.header().getType() == null ? null : token.header().getType().getType();
        if (!TokenStatusList.TYP.equals(typ)) {
            return "the status list's typ must be statuslist+jwt but is " + typ;
        }
        Map<String, Object> claims = token.credential();
        if (!uri.equals(claims.get("sub"))) {
            return "the status list's sub is not the uri the credential names";
        }
        if (claims.get("iss") != null && !issuer.equals(claims.get("iss"))) {
            return "the status list is issued by " + claims.get("iss") + ", not by the credential's issuer";
        }
        String kid = token.header().getKeyID();
        String vmId = kid == null ? null : kid.startsWith("#") ? issuer + kid : kid;
        if (vmId == null || !vmId.startsWith(issuer + "#")) {
            return "the status list is not signed by a key of the issuer";
        }
        Instant iat = seconds(claims.get("iat"));
        if (iat == null) {
            return "the status list has no iat";
        }
        String sig = jws.verifyWith(token, issuer, vmId, iat);
        if (sig != null) {
            return "status list: " + sig;
        }
        Instant exp = seconds(claims.get("exp"));
        if (exp != null && !clock.instant().isBefore(exp)) {
            return "the status list expired at " + exp;
        }
        if (!(claims.get("status_list") instanceof Map<?, ?> list) || !(list.get("bits") instanceof Number bits)
            || !(list.get("lst") instanceof String lst)) {
            return "the status list has no status_list {bits, lst}";
        }
        int value;
        try {
            value = TokenStatusList.get(TokenStatusList.decode(lst), bits.intValue(), idx);
        } catch (IndexOutOfBoundsException e) {
            return "status_list idx " + idx + " is outside the list";
        } catch (IllegalArgumentException e) {
            return "the status list is unreadable: " + e.getMessage();
        }
        return switch (value) {
            case TokenStatusList.VALID -> null;
            case TokenStatusList.INVALID -> "revoked (status_list idx " + idx + " is INVALID)";
            case TokenStatusList.SUSPENDED -> "suspended (status_list idx " + idx + " is SUSPENDED)";
            default -> "status_list idx " + idx + " has status 0x" + Integer.toHexString(value);
        };
    }

    private Check keyBinding(Map<String, Object> payload, String presentation, String kbJwt, KeyBinding expected) {
        if (kbJwt == null) {
            return fail("a Key Binding JWT is required (the verifier named an audience or nonce) but none was presented");
        }
        PublicKey holder;
        try {
            holder = PublicKey.fromJwk(holderJwk(payload));
        } catch (IllegalArgumentException e) {
            return fail("no holder key to check the Key Binding JWT with: " + e.getMessage());
        }
        JWSObject kb;
        Map<String, Object> claims;
        try {
            kb = JWSObject.parse(kbJwt);
            claims = kb.getPayload().toJSONObject();
        } catch (ParseException e) {
            return fail("the Key Binding JWT is not a compact JWS");
        }
        JOSEObjectType typ = kb.getHeader().getType();
        if (typ == null || !SdJwt.KB_TYP.equals(typ.getType())) {
            return fail("the Key Binding JWT's typ must be kb+jwt");
        }
        JWSAlgorithm alg = kb.getHeader().getAlgorithm();
        boolean algFits = alg.equals(JwsKeys.algorithm(holder.type()))
            || holder.type() == KeyType.ED25519 && JWSAlgorithm.Ed25519.equals(alg);
        if (!algFits) {
            return fail("the Key Binding JWT's alg " + alg + " does not fit the holder's " + holder.type() + " key");
        }
        try {
            if (!kb.verify(JwsKeys.verifier(holder))) {
                return fail("the Key Binding JWT's signature does not verify with the holder key (cnf)");
            }
        } catch (JOSEException e) {
            return fail("the Key Binding JWT's signature does not verify with the holder key (cnf)");
        }
        if (claims == null || !SdJwt.sdHash(presentation).equals(claims.get("sd_hash"))) {
            return fail("sd_hash does not match the presented SD-JWT and Disclosures");
        }
        Instant iat = seconds(claims.get("iat"));
        Instant now = clock.instant();
        if (iat == null || iat.isAfter(now.plus(CLOCK_SKEW)) || iat.isBefore(now.minus(KB_MAX_AGE).minus(CLOCK_SKEW))) {
            return fail("the Key Binding JWT's iat must be within the last " + KB_MAX_AGE.toSeconds() + " s");
        }
        if (!(claims.get("aud") instanceof String aud) || !(claims.get("nonce") instanceof String nonce)) {
            return fail("the Key Binding JWT must carry aud and nonce strings");
        }
        if (expected.audience() != null && !expected.audience().equals(aud)) {
            return fail("the Key Binding JWT is for aud " + aud + ", not " + expected.audience());
        }
        if (expected.nonce() != null && !expected.nonce().equals(nonce)) {
            return fail("the Key Binding JWT's nonce is not the verifier's nonce");
        }
        String bound = payload.get("sub") instanceof String sub && holderIsSubject(sub, holder)
            ? "the key of " + sub : "the cnf key";
        return new Check("key-binding", true, "signed with " + bound + " for aud " + aud
            + (expected.nonce() == null ? "; nonce not checked (the verifier gave none)" : ", nonce matches"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> holderJwk(Map<String, Object> payload) {
        if (payload.get("cnf") instanceof Map<?, ?> cnf && cnf.get("jwk") instanceof Map<?, ?> jwk) {
            return (Map<String, ?>) jwk;
        }
        throw new IllegalArgumentException("the credential has no cnf.jwk");
    }

    private static boolean holderIsSubject(String sub, PublicKey holder) {
        try {
            return sub.startsWith(DidKeyMethod.PREFIX) && DidKeyMethod.decode(sub).equals(holder);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Check fail(String detail) {
        return new Check("key-binding", false, detail);
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
