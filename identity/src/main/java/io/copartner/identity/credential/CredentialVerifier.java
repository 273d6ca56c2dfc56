package io.copartner.identity.credential;

import com.nimbusds.jose.JWSAlgorithm;
import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.Verification;
import io.copartner.identity.did.DidDocuments;
import io.copartner.identity.did.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a vc+jwt the way any relying party would: the JWS and its typ, the VC 2.0 data model (with every term
 * of its {@code type} and {@code credentialSubject} defined by a known {@code @context}), the issuer
 * DID and the {@code kid} under it, the signature with the key from the issuer's DID document (an
 * {@code assertionMethod}, or a retired key whose {@code expires} lies after the credential's {@code validFrom}),
 * the validity window, and every Bitstring Status List entry (the list credential verified the same way).
 * Pure: the DID documents and status lists come from the two sources given.
 */
public final class CredentialVerifier {

    public static final String VC_CONTEXT = CredentialContexts.VC_V2;

    /** Resolves a DID to its document's JSON members; throws if it cannot. */
    @FunctionalInterface
    public interface Documents {
        Map<String, Object> resolve(String did) throws Exception;
    }

    /** Fetches a status list credential (a vc+jwt) by its URL; throws if it cannot. */
    @FunctionalInterface
    public interface StatusLists {
        String fetch(String url) throws Exception;
    }

    private final Documents documents;
    private final StatusLists statusLists;
    private final CredentialContexts contexts;
    private final Clock clock;

    /** {@code contexts}: the JSON-LD contexts a credential may name, and their terms (VC 2.0 §5.2). */
    public CredentialVerifier(Documents documents, StatusLists statusLists, CredentialContexts contexts, Clock clock) {
        this.documents = Objects.requireNonNull(documents);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.contexts = Objects.requireNonNull(contexts);
        this.clock = Objects.requireNonNull(clock);
    }

    public Verification verify(String compact) {
        List<Check> checks = new ArrayList<>();
        VcJwt.Parsed parsed;
        try {
            parsed = VcJwt.parse(compact);
        } catch (IllegalArgumentException e) {
            checks.add(new Check("format", false, e.getMessage()));
            return new Verification(false, checks, null);
        }
        Map<String, Object> vc = parsed.credential();
        Object typ = parsed.header().getType() == null ? null : parsed.header().getType().getType();
        if (!VcJwt.TYP.equals(typ)) {
            checks.add(new Check("format", false, "JWS typ must be vc+jwt but is " + typ));
            return new Verification(false, checks, vc);
        }
        checks.add(new Check("format", true, "compact JWS, typ vc+jwt, alg " + parsed.header().getAlgorithm()));

        String dataModelProblem = dataModelProblem(vc);
        if (dataModelProblem == null) {
            dataModelProblem = contexts.problem(vc);
        }
        checks.add(new Check("data-model", dataModelProblem == null,
            dataModelProblem == null ? "W3C VC Data Model 2.0, every term defined by its @context" : dataModelProblem));

        String issuer = issuerOf(vc);
        String kid = parsed.header().getKeyID();
        String vmId = kid == null ? null : kid.startsWith("#") ? issuer + kid : kid;
        if (issuer == null || !issuer.startsWith("did:")) {
            checks.add(new Check("issuer", false, "the issuer is not a DID"));
        } else if (vmId == null || !vmId.startsWith(issuer + "#")) {
            checks.add(new Check("issuer", false, "the JWS kid is not a verification method of the issuer " + issuer));
        } else {
            checks.add(new Check("issuer", true, issuer));
        }

        Instant validFrom = instant(vc.get("validFrom"));
        checks.add(signatureCheck(parsed, issuer, vmId, validFrom));
        checks.add(validityCheck(vc));
        checks.add(statusCheck(vc, issuer));
        boolean verified = checks.stream().allMatch(Check::ok);
        return new Verification(verified, checks, vc);
    }

    private Check signatureCheck(VcJwt.Parsed parsed, String issuer, String vmId, Instant signedAt) {
        if (issuer == null || vmId == null || !vmId.startsWith(issuer + "#")) {
            return new Check("signature", false, "no verification method of the issuer to check against");
        }
        try {
            String problem = verifyWith(parsed, issuer, vmId, signedAt);
            return new Check("signature", problem == null, problem == null ? "verified with " + vmId : problem);
        } catch (Exception e) {
            return new Check("signature", false, "the issuer's DID document could not be resolved: " + message(e));
        }
    }

    /** Null if the JWS verifies with {@code vmId} from the issuer's document and the key may assert; else why not. */
    @SuppressWarnings("unchecked")
    String verifyWith(VcJwt.Parsed parsed, String issuer, String vmId, Instant signedAt) throws Exception {
        Map<String, Object> doc = documents.resolve(issuer);
        Map<String, Object> vm = null;
        for (Object o : list(doc.get("verificationMethod"))) {
            if (o instanceof Map<?, ?> m && vmId.equals(absolute(issuer, m.get("id")))) {
                vm = (Map<String, Object>) m;
            }
        }
        boolean asserting = false;
        for (Object o : list(doc.get("assertionMethod"))) {
            if (o instanceof String s && vmId.equals(absolute(issuer, s))) {
                asserting = true;
            } else if (o instanceof Map<?, ?> m && vmId.equals(absolute(issuer, m.get("id")))) {
                asserting = true;
                vm = (Map<String, Object>) m;
            }
        }
        if (vm == null) {
            return "the issuer's DID document has no verification method " + vmId;
        }
        if (vm.get("revoked") != null) {
            return "the key " + vmId + " is revoked";
        }
        if (!asserting) {
            Instant expires = instant(vm.get("expires"));
            if (expires == null || signedAt == null || !signedAt.isBefore(expires)) {
                return "the key " + vmId + " is not an assertionMethod of the issuer"
                    + (expires == null ? "" : " (retired " + expires + ")");
            }
        }
        PublicKey key;
        try {
            key = DidDocuments.keyOf(vm);
        } catch (IllegalArgumentException e) {
            return "the verification method's key is unusable: " + e.getMessage();
        }
        JWSAlgorithm alg = parsed.header().getAlgorithm();
        if (alg == null || !key.type().jwsAlgorithms().contains(alg.getName())) {
            return "alg " + alg + " does not fit the " + key.type().jwkCurve() + " key " + vmId;
        }
        if (!parsed.verify(JwsKeys.verifier(key))) {
            return "the signature does not verify with " + vmId;
        }
        return null;
    }

    private Check validityCheck(Map<String, Object> vc) {
        Instant now = clock.instant();
        Object from = vc.get("validFrom");
        Object until = vc.get("validUntil");
        Instant validFrom = instant(from);
        Instant validUntil = instant(until);
        if (from != null && validFrom == null || until != null && validUntil == null) {
            return new Check("validity", false, "validFrom/validUntil must be XML Schema dateTime stamps");
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            return new Check("validity", false, "not valid before " + validFrom);
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return new Check("validity", false, "expired at " + validUntil);
        }
        return new Check("validity", true, "valid now" + (validUntil == null ? "" : ", until " + validUntil));
    }

    @SuppressWarnings("unchecked")
    private Check statusCheck(Map<String, Object> vc, String issuer) {
        Object status = vc.get("credentialStatus");
        if (status == null) {
            return new Check("status", true, "no credentialStatus");
        }
        List<Object> entries = status instanceof List<?> l ? (List<Object>) l : List.of(status);
        List<String> notes = new ArrayList<>();
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !"BitstringStatusListEntry".equals(m.get("type"))) {
                return new Check("status", false, "unsupported credentialStatus (BitstringStatusListEntry expected)");
            }
            String purpose = String.valueOf(m.get("statusPurpose"));
            String url = m.get("statusListCredential") instanceof String s ? s : null;
            long index;
            try {
                index = Long.parseLong(String.valueOf(m.get("statusListIndex")));
            } catch (NumberFormatException x) {
                return new Check("status", false, "statusListIndex is not an integer");
            }
            if (url == null || index < 0) {
                return new Check("status", false, "statusListCredential and a non-negative statusListIndex are required");
            }
            String problem;
            try {
                problem = statusBit(url, index, purpose, issuer);
            } catch (Exception x) {
                return new Check("status", false, "the status list " + url + " could not be checked: " + message(x));
            }
            if (problem != null) {
                return new Check("status", false, problem);
            }
            notes.add(purpose + " bit " + index + " not set");
        }
        return new Check("status", true, String.join("; ", notes));
    }

    @SuppressWarnings("unchecked")
    private String statusBit(String url, long index, String purpose, String issuer) throws Exception {
        VcJwt.Parsed list = VcJwt.parse(statusLists.fetch(url));
        Map<String, Object> lvc = list.credential();
        String listIssuer = issuerOf(lvc);
        if (!Objects.equals(listIssuer, issuer)) {
            return "the status list is issued by " + listIssuer + ", not by the credential's issuer";
        }
        if (!list(lvc.get("type")).contains("BitstringStatusListCredential")) {
            return "the status list is not a BitstringStatusListCredential";
        }
        String kid = list.header().getKeyID();
        String vmId = kid == null ? null : kid.startsWith("#") ? issuer + kid : kid;
        if (vmId == null || !vmId.startsWith(issuer + "#")) {
            return "the status list is not signed by a key of the issuer";
        }
        String sig = verifyWith(list, issuer, vmId, instant(lvc.get("validFrom")));
        if (sig != null) {
            return "status list: " + sig;
        }
        Instant until = instant(lvc.get("validUntil"));
        if (until != null && !clock.instant().isBefore(until)) {
            return "the status list expired at " + until;
        }
        if (!(lvc.get("credentialSubject") instanceof Map<?, ?> subject)) {
            return "the status list has no credentialSubject";
        }
        if (!purpose.equals(subject.get("statusPurpose"))) {
            return "the status list's purpose is " + subject.get("statusPurpose") + ", not " + purpose;
        }
        byte[] bits = BitstringStatusList.decode(String.valueOf(subject.get("encodedList")));
        if (index >= bits.length * 8L) {
            return "statusListIndex " + index + " is outside the list";
        }
        if (BitstringStatusList.get(bits, (int) index)) {
            return "revocation".equals(purpose) ? "revoked (status list bit " + index + " is set)"
                : purpose + " (status list bit " + index + " is set)";
        }
        return null;
    }

    /** Null when the credential follows VC Data Model 2.0 in the ways checked here, else the first problem. */
    static String dataModelProblem(Map<String, Object> vc) {
        List<Object> context = list(vc.get("@context"));
        if (context.isEmpty() || !VC_CONTEXT.equals(context.get(0))) {
            return "@context must start with " + VC_CONTEXT;
        }
        if (!list(vc.get("type")).contains("VerifiableCredential")) {
            return "type must include VerifiableCredential";
        }
        if (issuerOf(vc) == null) {
            return "issuer is missing";
        }
        if (!(vc.get("credentialSubject") instanceof Map) && !(vc.get("credentialSubject") instanceof List)) {
            return "credentialSubject is missing";
        }
        return null;
    }

    static String issuerOf(Map<String, Object> vc) {
        Object issuer = vc.get("issuer");
        if (issuer instanceof String s) {
            return s;
        }
        if (issuer instanceof Map<?, ?> m && m.get("id") instanceof String s) {
            return s;
        }
        return null;
    }

    private static String absolute(String did, Object id) {
        if (!(id instanceof String s)) {
            return null;
        }
        return s.startsWith("#") ? did + s : s;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        return o == null ? List.of() : List.of(o);
    }

    static Instant instant(Object o) {
        if (!(o instanceof String s)) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String message(Exception e) {
        if (e instanceof io.copartner.kernel.problem.ProblemException p && p.problem().detail() != null) {
            return p.problem().detail();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
