package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.copartner.system.BadInputs.Input;
import io.copartner.system.OpenApiDocument.Operation;
import io.copartner.system.RoleTokens.Caller;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every served operation × every kind of caller ({@link Caller}): the outcome each cell must have follows from the one
 * declaration in {@link OperationRoles}; each cell is sent (the operation's plausible base request) and checked, and
 * its answer validated against the document like the fuzz does. Plus: a partner never reads what is another's.
 */
@ExtendWith(PlatformExtension.class)
class AuthorizationMatrixIT {

    /** What a cell must answer. */
    enum Outcome {
        /** Past authentication and authorisation: neither 401 nor 403 (a 404 or 400 for the sample input is fine). */
        ADMITTED,
        UNAUTHENTICATED,
        FORBIDDEN
    }

    static Outcome expected(String operationId, String method, Caller caller) {
        Set<Caller> allowed = OperationRoles.ALLOWED.get(operationId);
        boolean read = "get".equals(method) || "head".equals(method);
        if (caller == Caller.SUSPENDED_MERCHANT && !read) {
            // Suspension refuses every write by the merchant's token, on any operation (SuspendedMerchantFilter).
            return Outcome.FORBIDDEN;
        }
        if (allowed.equals(OperationRoles.PUBLIC)) {
            // A public operation needs no token: one that is not valid is ignored (the call is anonymous), never trusted.
            return Outcome.ADMITTED;
        }
        if (caller == Caller.ANONYMOUS || caller.invalid()) {
            return Outcome.UNAUTHENTICATED;
        }
        if (caller == Caller.SUSPENDED_MERCHANT) {
            return allowed.contains(Caller.MERCHANT) ? Outcome.ADMITTED : Outcome.FORBIDDEN;
        }
        return allowed.contains(caller) ? Outcome.ADMITTED : Outcome.FORBIDDEN;
    }

    /** The role check's refusal: problem type {@code …/forbidden} (domain rules refuse with types of their own). */
    static boolean roleRefusal(String body) {
        return body == null || !body.contains("\"type\"") || body.contains("/problems/forbidden\"");
    }

    @Test
    void everyServedOperationHasADeclaredExpectation() {
        Set<String> undeclared = new TreeSet<>();
        for (Operation op : OpenApiDocument.served().operations()) {
            if (!OperationRoles.ALLOWED.containsKey(op.id())) {
                undeclared.add(op.id());
            }
        }
        assertTrue(undeclared.isEmpty(), "operations without a declared expectation in OperationRoles: " + undeclared);
    }

    @Test
    void theForgedTokensReachTheRealChecks() {
        RoleTokens tokens = RoleTokens.get();
        // The imported key is trusted: with nothing else wrong, the forgery is accepted...
        given().auth().oauth2(tokens.forgedControl()).get("/api/v1/me").then().statusCode(200);
        // ...so the expired and other-audience tokens are refused for their expiry and audience alone.
        for (Caller c : List.of(Caller.EXPIRED, Caller.OTHER_AUDIENCE, Caller.OTHER_KEY, Caller.ALG_NONE)) {
            tokens.as(c).get("/api/v1/me").then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void everyOperationTimesEveryCaller() {
        OpenApiDocument doc = OpenApiDocument.served();
        Set<String> documented = doc.documentedProblemTypes();
        RoleTokens tokens = RoleTokens.get();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        StringBuilder table = new StringBuilder();
        for (Operation op : doc.operations()) {
            if (!OperationRoles.ALLOWED.containsKey(op.id())) {
                failures.add(op + ": no declared expectation");
                continue;
            }
            Input base = new BadInputs(doc, op, ContractFuzzIT.SEED).base();
            table.append(String.format(Locale.ROOT, "%-28s", op.id()));
            for (Caller caller : Caller.values()) {
                Outcome want = expected(op.id(), op.method(), caller);
                Input input = base.with("base", base.path(), base.query(), fresh(base), base.contentType(), base.body(),
                    null);
                ContractFuzzIT.Reply r = ContractFuzzIT.send(tokens, caller, op, input);
                cells++;
                int status = r.status();
                table.append(' ').append(status);
                boolean ok = switch (want) {
                    // A 403 of a domain rule (signer-mismatch, not-eligible...) comes after the role check passed;
                    // only the role check's own type, forbidden, means the caller was kept out.
                    case ADMITTED -> status != 401 && status < 500 && !(status == 403 && roleRefusal(r.body()));
                    case UNAUTHENTICATED -> status == 401;
                    case FORBIDDEN -> status == 403;
                };
                if (!ok) {
                    failures.add(op + " as " + caller + ": expected " + want + ", got " + status + " "
                        + BadInputs.abbreviate(r.body()));
                }
                for (String v : ContractFuzzIT.check(doc, documented, op, input, r)) {
                    failures.add(op + " as " + caller + ": " + v);
                }
            }
            table.append('\n');
        }
        System.out.printf(Locale.ROOT, "authorisation matrix: %d operations x %d callers = %d cells, %d failures%n"
            + "%-28s %s%n%s", doc.operations().size(), Caller.values().length, cells, failures.size(), "operation",
            List.of(Caller.values()), table);
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.size() + " cells wrong; first: " + failures.stream().limit(20).toList());
    }

    @Test
    void aPartnerNeverReadsAnotherPartnersAccountsEntriesOrPersonalData() throws Exception {
        RoleTokens tokens = RoleTokens.get();
        String me = tokens.token(Caller.PARTNER);
        String other = tokens.otherPartner();
        String otherParty = "party:" + SignedJWT.parse(other).getJWTClaimsSet().getSubject();
        String wallet = LedgerIT.openWallet(otherParty, "CNY");
        String entry = LedgerIT.post(UUID.randomUUID().toString(),
                LedgerIT.body("isolation", LedgerIT.FUNDING_CNY, -5, wallet, 5))
            .then().statusCode(201).extract().path("id");

        // The owner reads its own: the controls.
        given().auth().oauth2(other).get("/api/v1/ledger/accounts/" + wallet).then().statusCode(200);
        given().auth().oauth2(other).get("/api/v1/ledger/entries/" + entry).then().statusCode(200);

        // Another partner learns nothing, not even that they exist: 404 as for an id nobody has.
        for (String path : List.of("/api/v1/ledger/accounts/" + wallet, "/api/v1/ledger/accounts/" + wallet
                + "/statement", "/api/v1/ledger/entries/" + entry)) {
            Response theirs = given().auth().oauth2(me).get(path);
            Response nobodys = given().auth().oauth2(me).get(path.replace(path.contains("entries") ? entry : wallet,
                UUID.randomUUID().toString()));
            assertEquals(404, theirs.statusCode(), path + ": " + theirs.asString());
            assertEquals(404, nobodys.statusCode(), path);
            assertEquals(theirs.jsonPath().getString("type"), nobodys.jsonPath().getString("type"), path);
        }
        // Listing by another's owner id is refused whether or not that owner has accounts (403 says nothing).
        given().auth().oauth2(me).queryParam("owner", otherParty).get("/api/v1/ledger/accounts").then()
            .statusCode(403);
        given().auth().oauth2(me).queryParam("owner", "party:" + UUID.randomUUID()).get("/api/v1/ledger/accounts")
            .then().statusCode(403);
        // Its own list does not carry the other's wallet.
        List<String> mine = given().auth().oauth2(me).get("/api/v1/ledger/accounts").then().statusCode(200)
            .extract().jsonPath().getList("id");
        assertTrue(!mine.contains(wallet), "a partner's list shows another's wallet");

        // Personal data is reached only through /me: the other's stays the other's.
        given().auth().oauth2(other).contentType("application/json")
            .body(Map.of("name", "Other Partner", "phone", "+86 10 0000 0000", "address", "1 Other Road"))
            .put("/api/v1/me/personal-data").then().statusCode(200);
        // The partner has stored none: 404, not the other's.
        given().auth().oauth2(me).get("/api/v1/me/personal-data").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/me/personal-data").then().statusCode(200)
            .body("name", equalTo("Other Partner"));
    }

    /** Each cell its own Idempotency-Key, so a replay of another cell's answer cannot hide a wrong outcome. */
    private static Map<String, String> fresh(Input base) {
        Map<String, String> h = new java.util.LinkedHashMap<>(base.headers());
        h.replaceAll((k, v) -> "Idempotency-Key".equalsIgnoreCase(k) ? "authz-" + UUID.randomUUID() : v);
        return h;
    }
}
