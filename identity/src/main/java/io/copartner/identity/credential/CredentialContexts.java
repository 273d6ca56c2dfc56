package io.copartner.identity.credential;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts a credential may name and the terms each defines, for VC Data Model 2.0 §5.2 ("every
 * term in a credential is defined by its {@code @context}") without a JSON-LD processor: the base context
 * {@value #VC_V2} (its terms written down here: those a credential's {@code type} and {@code credentialSubject}
 * can use; its {@code @vocab} of issuer-dependent terms is deliberately not counted, as §5.2 asks issuers to
 * define their terms) and the platform's own context, a static document whose top-level terms are read from
 * the very resource that is served, so what is checked and what is published cannot drift apart.
 */
public final class CredentialContexts {

    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    /** Where the platform serves its context, below its public URL. */
    public static final String COPARTNER_PATH = "/ns/credentials/v1";
    public static final String MEDIA_TYPE = "application/ld+json";
    static final String RESOURCE = "copartner-credentials-v1.jsonld";

    /** Types (top-level class terms) of the VC 2.0 base context. */
    static final Set<String> VC_V2_TYPES = Set.of("VerifiableCredential", "VerifiablePresentation",
        "EnvelopedVerifiableCredential", "EnvelopedVerifiablePresentation", "JsonSchemaCredential", "JsonSchema",
        "BitstringStatusListCredential", "BitstringStatusList", "BitstringStatusListEntry", "DataIntegrityProof");
    /** Property terms of the VC 2.0 base context a credential subject can carry. */
    static final Set<String> VC_V2_PROPERTIES = Set.of("id", "type", "name", "description", "digestMultibase",
        "digestSRI", "mediaType", "statusPurpose", "encodedList", "ttl");

    private static final String DOCUMENT = load();
    private static final Set<String> COPARTNER_TERMS = terms(DOCUMENT);

    private final Map<String, Set<String>> known;

    private CredentialContexts(Map<String, Set<String>> known) {
        this.known = known;
    }

    /** The base context and the platform's own, served at {@code publicUrl + }{@value #COPARTNER_PATH}. */
    public static CredentialContexts of(String publicUrl) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        Set<String> base = new HashSet<>(VC_V2_TYPES);
        base.addAll(VC_V2_PROPERTIES);
        known.put(VC_V2, Set.copyOf(base));
        known.put(copartnerUrl(publicUrl), COPARTNER_TERMS);
        return new CredentialContexts(Map.copyOf(known));
    }

    /** Only the VC 2.0 base context (for verifying what is not a JSON-LD credential, e.g. a status list token). */
    public static CredentialContexts baseOnly() {
        Set<String> base = new HashSet<>(VC_V2_TYPES);
        base.addAll(VC_V2_PROPERTIES);
        return new CredentialContexts(Map.of(VC_V2, Set.copyOf(base)));
    }

    public static String copartnerUrl(String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + COPARTNER_PATH;
    }

    /** The platform's context document, exactly as served. */
    public static String copartnerDocument() {
        return DOCUMENT;
    }

    /** The terms the platform's context defines. */
    public static Set<String> copartnerTerms() {
        return COPARTNER_TERMS;
    }

    /**
     * Null when {@code @context} is the base context followed only by contexts known here, and every term used
     * as a {@code type} or as a property of a {@code credentialSubject} is defined by one of them; else the
     * first problem, fit to show a verifier.
     */
    public String problem(Map<String, Object> vc) {
        List<Object> contexts = list(vc.get("@context"));
        Set<String> defined = new HashSet<>();
        for (Object c : contexts) {
            if (!(c instanceof String url)) {
                return "@context entries must be URLs; embedded contexts are not accepted here";
            }
            Set<String> terms = known.get(url);
            if (terms == null) {
                return "unknown @context " + url + " (known: " + String.join(", ", known.keySet()) + ")";
            }
            defined.addAll(terms);
        }
        for (Object t : list(vc.get("type"))) {
            if (!(t instanceof String type) || !defined.contains(type)) {
                return "the type " + t + " is not defined by the credential's @context";
            }
        }
        for (Object s : list(vc.get("credentialSubject"))) {
            if (!(s instanceof Map<?, ?> subject)) {
                return "credentialSubject must be an object";
            }
            for (Object term : subject.keySet()) {
                if (!defined.contains(String.valueOf(term))) {
                    return "the term " + term + " in credentialSubject is not defined by the credential's @context";
                }
            }
            for (Object t : list(subject.get("type"))) {
                if (!defined.contains(String.valueOf(t))) {
                    return "the credentialSubject type " + t + " is not defined by the credential's @context";
                }
            }
        }
        return null;
    }

    private static String load() {
        try (InputStream in = CredentialContexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> terms(String document) {
        try {
            Map<String, Object> context = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(document), "@context");
            Set<String> terms = new HashSet<>();
            for (String key : context.keySet()) {
                if (!key.startsWith("@")) {
                    terms.add(key);
                }
            }
            return Set.copyOf(terms);
        } catch (ParseException e) {
            throw new IllegalStateException("the platform's JSON-LD context is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        return o == null ? List.of() : new ArrayList<>(List.of(o));
    }
}
