package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The governance contract from a client's side: DID partners, signed ballots and delegations, proposals. */
final class Gov {

    static final String BASE = Recount.BASE;
    static final String PROBLEM = "application/problem+json";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A partner signed in with a fresh did:key and so a member (their first authenticated API call). */
    record Partner(DidWallet wallet, String token) {
        String did() {
            return wallet.did;
        }
    }

    private Gov() {
    }

    static Partner partner(DidWallet.Type type) {
        DidWallet w = DidWallet.create(type);
        // The test platform's nonces live 10 s (DidSignInIT watches one expire); on a machine this loaded at start-up
        // the round trip can take longer, and a wallet then simply asks for a new nonce: at most three tries.
        Response signIn = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn = DidSignInIT.token(DidSignInIT.assertion(w, DidSignInIT.nonce()));
            if (signIn.statusCode() != 400 || !signIn.asString().contains("nonce")) {
                break;
            }
        }
        String token = signIn.then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).body("did", equalTo(w.did));
        return new Partner(w, token);
    }

    /**
     * One admin token at a time for the concurrent tests: simultaneous password grants for one user trip
     * Keycloak's brute-force detection (user_temporarily_disabled).
     */
    static synchronized String adminToken() {
        return LedgerIT.token("admin");
    }

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b); // 32 characters
    }

    static String ballotPayload(String proposal, String choice, String voter, long issuedAt, String nonce) {
        return "{\"proposal\":\"" + proposal + "\",\"choice\":\"" + choice + "\",\"voter\":\"" + voter
            + "\",\"issuedAt\":" + issuedAt + ",\"nonce\":\"" + nonce + "\"}";
    }

    static String ballot(Partner p, String proposal, String choice) {
        return p.wallet().signTyped("copartner-ballot+jwt",
            ballotPayload(proposal, choice, p.did(), Instant.now().getEpochSecond(), nonce()), p.wallet().kid());
    }

    static Response cast(Partner p, String proposal, String jws) {
        return cast(p.token(), proposal, jws);
    }

    static Response cast(String token, String proposal, String jws) {
        return given().auth().oauth2(token).contentType("application/json")
            .body("{\"ballot\":\"" + jws + "\"}")
            .when().post(BASE + "/proposals/" + proposal + "/ballots");
    }

    /** Casts a ballot that must be accepted; returns the answer. */
    static JsonPath vote(Partner p, String proposal, String choice, String replaces) {
        Response r = cast(p, proposal, ballot(p, proposal, choice));
        r.then().statusCode(201)
            .body("proposal", equalTo(proposal))
            .body("voter", equalTo(p.did()))
            .body("choice", equalTo(choice))
            .body("ballotId", not(emptyOrNullString()))
            .body("receivedAt", not(emptyOrNullString()))
            .body("replaces", equalTo(replaces));
        return r.jsonPath();
    }

    /** A share of a delegation statement. */
    record Share(Partner delegate, int shareBps) {
    }

    static String delegationPayload(String delegator, List<Share> shares, List<String> kinds, String nonce) {
        return "{\"delegator\":\"" + delegator + "\",\"delegations\":["
            + shares.stream().map(s -> "{\"delegate\":\"" + s.delegate().did() + "\",\"shareBps\":" + s.shareBps()
                + "}").collect(Collectors.joining(","))
            + "],\"kinds\":[" + kinds.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(","))
            + "],\"issuedAt\":" + Instant.now().getEpochSecond() + ",\"nonce\":\"" + nonce + "\"}";
    }

    static Response putDelegation(Partner p, String jws) {
        return given().auth().oauth2(p.token()).contentType("application/json")
            .body("{\"statement\":\"" + jws + "\"}")
            .when().put(BASE + "/delegations");
    }

    /** A delegation statement that must be accepted. */
    static String delegate(Partner delegator, List<String> kinds, Share... shares) {
        String jws = delegator.wallet().signTyped("copartner-delegation+jwt",
            delegationPayload(delegator.did(), List.of(shares), kinds, nonce()), delegator.wallet().kid());
        putDelegation(delegator, jws).then().statusCode(200)
            .body("delegator", equalTo(delegator.did()))
            .body("receivedAt", not(emptyOrNullString()));
        return jws;
    }

    static Response propose(String token, String kind, String title, String idempotencyKey) {
        return given().auth().oauth2(token).contentType("application/json")
            .header("Idempotency-Key", idempotencyKey)
            .body("{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"description\":\"" + title
                + ", proposed by a system test\"}")
            .when().post(BASE + "/proposals");
    }

    /** An admin's GENERAL proposal; returns its id. */
    static String proposeGeneral(String title) {
        return propose(adminToken(), "GENERAL", title, UUID.randomUUID().toString())
            .then().statusCode(201).body("kind", equalTo("GENERAL")).extract().path("id");
    }

    static JsonPath proposal(String id) {
        return given().when().get(BASE + "/proposals/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath tally(String id) {
        return given().when().get(BASE + "/proposals/" + id + "/tally").then().statusCode(200).extract().jsonPath();
    }

    /** Waits for the proposal to reach {@code state}; {@code seconds} bound the wait. */
    static JsonPath awaitState(String id, String state, long seconds) {
        return Await.until(Duration.ofSeconds(seconds), () -> {
            JsonPath p = proposal(id);
            return state.equals(p.getString("state")) ? p : null;
        });
    }

    /** Waits until voting has ended and the tally is final (the scheduler's work). */
    static JsonPath awaitFinalTally(String id) {
        Instant end = Instant.parse(proposal(id).getString("votingEndsAt"));
        long bound = Math.max(0, Duration.between(Instant.now(), end).toSeconds()) + 30;
        return Await.until(Duration.ofSeconds(bound), () -> {
            JsonPath t = tally(id);
            return t.getBoolean("final") ? t : null;
        });
    }

    /** A refusal as the contract pins it: the status, problem+json with a type and the same status. */
    static void refused(Response r, int status) {
        r.then().statusCode(status)
            .contentType(startsWith(PROBLEM))
            .body("type", not(emptyOrNullString()))
            .body("status", equalTo(status));
    }
}
