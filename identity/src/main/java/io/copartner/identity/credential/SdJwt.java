package io.copartner.identity.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SD-JWT (RFC 9901): an issuer-signed JWT whose payload carries, in {@code _sd}, the SHA-256 digests of
 * Disclosures ({@code base64url(JSON [salt, claim name, value])}) among decoy digests, serialized as
 * {@code <JWT>~<Disclosure>~...~<Disclosure>~[<KB-JWT>]}. A credential with a holder key ({@code cnf.jwk}) is
 * presented with a Key Binding JWT ({@link #bind}). Only object properties at the top level are made selectively
 * disclosable here; that is all the platform's credentials need.
 */
public final class SdJwt {

    public static final String SD = "_sd";
    public static final String SD_ALG = "_sd_alg";
    public static final String SHA_256 = "sha-256";
    /** SD-JWT VC media type (draft-ietf-oauth-sd-jwt-vc); {@code vc+sd-jwt} is accepted too. */
    public static final String TYP = "dc+sd-jwt";
    public static final Set<String> TYPES = Set.of("dc+sd-jwt", "vc+sd-jwt");
    /** Claims that must never be selectively disclosable (RFC 9901 §4.2.2, SD-JWT VC §3.2.2.2). */
    public static final Set<String> RESERVED = Set.of(SD, SD_ALG, "...", "iss", "nbf", "exp", "cnf", "vct", "status");
    /** The Key Binding JWT's {@code typ} (RFC 9901 §4.3). */
    public static final String KB_TYP = "kb+jwt";
    /** Decoy digests per credential: 1 to this many, so the count of real claims does not show (§4.2.5). */
    static final int MAX_DECOYS = 4;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SdJwt() {
    }

    /** One Disclosure of an object property, with its encoded form and digest. */
    public record Disclosure(String salt, String name, Object value, String encoded) {

        /** A new Disclosure with a fresh 128-bit salt. */
        public static Disclosure of(String name, Object value) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return of(B64.encodeToString(salt), name, value);
        }

        /** Encodes {@code [salt, name, value]} as compact JSON, then base64url without padding. */
        public static Disclosure of(String salt, String name, Object value) {
            List<Object> array = new ArrayList<>();
            array.add(salt);
            array.add(name);
            array.add(value);
            String json = JSONArrayUtils.toJSONString(array);
            return new Disclosure(salt, name, value, B64.encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Decodes a Disclosure exactly as received (the digest is over these characters, never a re-encoding).
         *
         * @throws IllegalArgumentException if it is not base64url of a JSON array [salt, name, value]
         */
        public static Disclosure parse(String encoded) {
            if (encoded == null || encoded.isEmpty() || !encoded.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("a disclosure must be non-empty base64url");
            }
            List<Object> array;
            try {
                array = JSONArrayUtils.parse(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (ParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("a disclosure is not base64url of a JSON array");
            }
            if (array.size() != 3) {
                throw new IllegalArgumentException("only object property disclosures [salt, name, value] are accepted");
            }
            if (!(array.get(0) instanceof String salt) || !(array.get(1) instanceof String name)) {
                throw new IllegalArgumentException("a disclosure's salt and claim name must be strings");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("the claim " + name + " must not be selectively disclosed");
            }
            return new Disclosure(salt, name, array.get(2), encoded);
        }

        /** base64url(SHA-256(ASCII(encoded))). */
        public String digest() {
            return SdJwt.digest(encoded);
        }
    }

    public static String digest(String encodedDisclosure) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(encodedDisclosure.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An issued SD-JWT: the signed JWT, all its disclosures, and the serialization {@code jwt~d1~...~dn~}. */
    public record Issued(String jwt, List<Disclosure> disclosures) {

        public String serialize() {
            return SdJwt.serialize(jwt, disclosures.stream().map(Disclosure::encoded).toList());
        }
    }

    public static String serialize(String jwt, List<String> disclosures) {
        StringBuilder sb = new StringBuilder(jwt).append('~');
        for (String d : disclosures) {
            sb.append(d).append('~');
        }
        return sb.toString();
    }

    /**
     * Signs {@code claims}: those named in {@code disclosable} (if present) become Disclosures whose digests go,
     * with 1 to {@value #MAX_DECOYS} decoy digests and sorted (so neither order nor count tells anything), into
     * {@code _sd}; the rest stay plain.
     */
    public static Issued issue(Map<String, Object> claims, Set<String> disclosable, String kid, JWSAlgorithm alg,
                               JWSSigner signer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        List<Disclosure> disclosures = new ArrayList<>();
        for (Map.Entry<String, Object> e : claims.entrySet()) {
            if (disclosable.contains(e.getKey())) {
                if (RESERVED.contains(e.getKey())) {
                    throw new IllegalArgumentException(e.getKey() + " must not be selectively disclosable");
                }
                disclosures.add(Disclosure.of(e.getKey(), e.getValue()));
            } else {
                payload.put(e.getKey(), e.getValue());
            }
        }
        List<String> digests = new ArrayList<>(disclosures.stream().map(Disclosure::digest).toList());
        for (int i = 1 + RANDOM.nextInt(MAX_DECOYS); i > 0; i--) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            digests.add(digest(B64.encodeToString(salt)));
        }
        Collections.sort(digests);
        payload.put(SD, digests);
        payload.put(SD_ALG, SHA_256);
        JWSHeader header = new JWSHeader.Builder(alg).type(new JOSEObjectType(TYP)).keyID(kid).build();
        JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(payload)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new Issued(jws.serialize(), List.copyOf(disclosures));
    }

    /** A presentation split into its parts, not yet verified. {@code keyBinding} is null when absent. */
    public record Parts(String jwt, List<String> disclosures, String keyBinding) {
    }

    /** @throws IllegalArgumentException if it is not {@code <JWT>~[<Disclosure>~]*[<KB-JWT>]} */
    public static Parts split(String sdJwt) {
        if (sdJwt == null || sdJwt.isBlank()) {
            throw new IllegalArgumentException("empty SD-JWT");
        }
        if (sdJwt.length() > 1_000_000) {
            throw new IllegalArgumentException("SD-JWT too large");
        }
        String s = sdJwt.trim();
        int first = s.indexOf('~');
        if (first < 0) {
            throw new IllegalArgumentException("an SD-JWT has at least one '~'");
        }
        String jwt = s.substring(0, first);
        int last = s.lastIndexOf('~');
        String kb = last == s.length() - 1 ? null : s.substring(last + 1);
        List<String> disclosures = new ArrayList<>();
        if (last > first) {
            for (String d : s.substring(first + 1, last).split("~", -1)) {
                if (d.isEmpty()) {
                    throw new IllegalArgumentException("empty disclosure between '~'");
                }
                disclosures.add(d);
            }
        }
        return new Parts(jwt, List.copyOf(disclosures), kb);
    }

    /**
     * {@code sd_hash} of RFC 9901 §4.3.1: base64url(SHA-256) of the presentation up to and including its last
     * {@code ~}, i.e. the issuer-signed JWT and the chosen Disclosures, exactly as sent.
     */
    public static String sdHash(String presentation) {
        String s = presentation.trim();
        return digest(s.substring(0, s.lastIndexOf('~') + 1)); // the same base64url(SHA-256) as a Disclosure's
    }

    /**
     * Holder side: appends a Key Binding JWT ({@code typ kb+jwt}; {@code iat}, {@code aud}, {@code nonce},
     * {@code sd_hash}) signed with the holder's key to a presentation ending in {@code ~}.
     */
    public static String bind(String presentation, String audience, String nonce, long iat, JWSAlgorithm alg,
                              JWSSigner holder) {
        if (!presentation.endsWith("~")) {
            throw new IllegalArgumentException("the presentation must end with '~' and carry no KB-JWT yet");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", iat);
        claims.put("aud", audience);
        claims.put("nonce", nonce);
        claims.put("sd_hash", sdHash(presentation));
        JWSObject kb = new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType(KB_TYP)).build(),
            new Payload(JSONObjectUtils.toJSONString(claims)));
        try {
            kb.sign(holder);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return presentation + kb.serialize();
    }

    /** Holder side: keeps only the disclosures of the named claims (the JWT is untouched). */
    public static String present(String sdJwt, Set<String> disclose) {
        Parts parts = split(sdJwt);
        List<String> kept = parts.disclosures().stream()
            .filter(d -> disclose.contains(Disclosure.parse(d).name())).toList();
        return serialize(parts.jwt(), kept);
    }
}
