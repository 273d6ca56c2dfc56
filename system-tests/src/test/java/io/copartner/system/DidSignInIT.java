package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DID sign-in through the real Keycloak with the project's provider installed: a wallet gets a nonce from
 * {@code /realms/copartner/did-auth/nonce}, signs a JWT with its did:key and trades it at the token endpoint
 * (RFC 7523 jwt-bearer grant) for a Keycloak access token that Liberty accepts.
 */
@ExtendWith(PlatformExtension.class)
class DidSignInIT {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    static String issuer() {
        return PlatformExtension.settings().issuer();
    }

    static String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    static String nonce() {
        return given().baseUri(issuer()).when().post("/did-auth/nonce")
            .then().statusCode(200).extract().path("nonce");
    }

    /** The standard claims; {@code lifetime} seconds from {@code iat}. */
    static String claims(String did, String aud, String nonce, long iat, long lifetime) {
        return "{\"iss\":\"" + did + "\",\"sub\":\"" + did + "\",\"aud\":\"" + aud + "\",\"nonce\":\"" + nonce
            + "\",\"iat\":" + iat + ",\"exp\":" + (iat + lifetime) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    static String assertion(DidWallet w, String nonce) {
        return w.sign(claims(w.did, tokenEndpoint(), nonce, Instant.now().getEpochSecond(), 120));
    }

    static Response token(String assertion, String clientId) {
        return given().baseUri(issuer())
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", GRANT)
            .formParam("assertion", assertion)
            .formParam("client_id", clientId)
            .when().post("/protocol/openid-connect/token");
    }

    static Response token(String assertion) {
        return token(assertion, "copartner-cli");
    }

    static JsonPath payload(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static void refused(Response r, String descriptionStart) {
        r.then().statusCode(400)
            .body("error", equalTo("invalid_grant"))
            .body("error_description", startsWith(descriptionStart));
    }

    @Test
    void theNonceEndpointHandsOutSingleUseChallenges() {
        given().baseUri(issuer()).when().post("/did-auth/nonce")
            .then().statusCode(200)
            .header("Cache-Control", "no-store")
            .body("nonce", matchesPattern("[A-Za-z0-9_-]{43}"))
            .body("expiresIn", equalTo(PlatformExtension.NONCE_LIFETIME_SECONDS)); // 300 outside the tests
        assertNotEquals(nonce(), nonce());
        given().baseUri(issuer()).when().get("/did-auth")
            .then().statusCode(200)
            .body("audience", equalTo(tokenEndpoint()))
            .body("grant_type", equalTo(GRANT));
    }

    @ParameterizedTest
    @EnumSource(DidWallet.Type.class)
    void aFreshDidSignsInAsAPartnerAndIsFoundAgain(DidWallet.Type type) {
        DidWallet w = DidWallet.create(type);
        Response first = token(assertion(w, nonce()));
        first.then().statusCode(200).body("token_type", equalTo("Bearer"));
        String access = first.path("access_token");
        JsonPath claims = payload(access);
        assertEquals(w.did, claims.getString("did"));
        assertEquals(issuer(), claims.getString("iss"));
        assertTrue(claims.getList("groups").contains("partner"));
        assertTrue(claims.getString("preferred_username").startsWith("did-"));

        given().auth().oauth2(access).when().get("/api/v1/me")
            .then().statusCode(200)
            .body("did", equalTo(w.did))
            .body("roles", hasItem("partner"))
            .body("subject", equalTo(claims.getString("sub")));

        String again = token(assertion(w, nonce())).then().statusCode(200).extract().path("access_token");
        assertEquals(claims.getString("sub"), payload(again).getString("sub"));
    }

    @Test
    void aReplayedNonceIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String nonce = nonce();
        String jwt = assertion(w, nonce);
        token(jwt).then().statusCode(200);
        refused(token(jwt), "nonce unknown, expired or already used");
        refused(token(assertion(w, nonce)), "nonce unknown, expired or already used"); // new jti, same nonce
    }

    @Test
    void anUnknownNonceIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        refused(token(assertion(w, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
            "nonce unknown, expired or already used");
    }

    @Test
    void anExpiredNonceIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        JsonPath issued = given().baseUri(issuer()).when().post("/did-auth/nonce")
            .then().statusCode(200).extract().jsonPath();
        String nonce = issued.getString("nonce");
        // Wait for the condition itself: the clock past the expiry the server stated (taken from after its answer,
        // plus a second for its whole-second expiry). Trying the nonce meanwhile would use it up.
        Instant expired = Instant.now().plusSeconds(issued.getLong("expiresIn") + 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(issued.getLong("expiresIn") + 10))
            .pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(expired));
        refused(token(assertion(w, nonce)), "nonce");
        token(assertion(w, nonce())).then().statusCode(200); // the same wallet with a fresh nonce

    }

    @Test
    void anExpiredJwtIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.SECP256K1);
        long iat = Instant.now().getEpochSecond() - 600;
        refused(token(w.sign(claims(w.did, tokenEndpoint(), nonce(), iat, 300))), "assertion expired");
    }

    @Test
    void aJwtValidLongerThanFiveMinutesIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        long iat = Instant.now().getEpochSecond();
        refused(token(w.sign(claims(w.did, tokenEndpoint(), nonce(), iat, 301))), "exp must be after iat");
    }

    @ParameterizedTest
    @EnumSource(DidWallet.Type.class)
    void aSignatureByAnotherKeyIsRefused(DidWallet.Type type) {
        DidWallet w = DidWallet.create(type);
        DidWallet thief = DidWallet.create(type);
        String jwt = thief.sign(claims(w.did, tokenEndpoint(), nonce(), Instant.now().getEpochSecond(), 120), w.kid());
        refused(token(jwt), "signature does not verify");
    }

    @Test
    void aKidThatIsNotTheDidsKeyIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        DidWallet other = DidWallet.create(DidWallet.Type.ED25519);
        String jwt = w.sign(claims(w.did, tokenEndpoint(), nonce(), Instant.now().getEpochSecond(), 120), other.kid());
        refused(token(jwt), "kid must be the DID URL of the key");
    }

    @Test
    void theWrongAudienceIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String jwt = w.sign(claims(w.did, issuer(), nonce(), Instant.now().getEpochSecond(), 120));
        refused(token(jwt), "aud must be the token endpoint");
    }

    @Test
    void aMalformedDidIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String bad = "did:key:z6MkNOT0base58";
        String jwt = w.sign(claims(bad, tokenEndpoint(), nonce(), Instant.now().getEpochSecond(), 120),
            bad + "#z6MkNOT0base58");
        refused(token(jwt), "malformed did:key");
    }

    @Test
    void anUnsupportedDidMethodIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String web = "did:web:example.com";
        refused(token(w.sign(claims(web, tokenEndpoint(), nonce(), Instant.now().getEpochSecond(), 120),
            web + "#key-1")), "unsupported DID method: web");
    }

    @Test
    void aClientNotEnabledForDidSignInIsRefused() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        given().baseUri(issuer())
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", GRANT)
            .formParam("assertion", assertion(w, nonce()))
            .formParam("client_id", "copartner-platform")
            .formParam("client_secret", PlatformExtension.settings().platformClientSecret())
            .when().post("/protocol/openid-connect/token")
            .then().statusCode(400)
            .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aNonDidAssertionStillReachesKeycloaksOwnJwtGrant() {
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String jwt = w.sign(claims("https://idp.example", tokenEndpoint(), nonce(), Instant.now().getEpochSecond(),
            120));
        token(jwt).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
