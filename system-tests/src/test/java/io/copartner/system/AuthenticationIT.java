package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens from the real Keycloak, validated by Liberty's mpJwt against the realm's JWKS. */
@ExtendWith(PlatformExtension.class)
class AuthenticationIT {

    static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"partner", "merchant", "admin", "auditor"})
    void eachDemoUserSeesItselfWithItsRole(String user) {
        given().auth().oauth2(Tokens.password(user, user))
            .when().get("/api/v1/me")
            .then().statusCode(200)
            .body("username", equalTo(user))
            .body("subject", notNullValue())
            .body("roles", contains(user));
    }

    @Test
    void aThirdPartyAppGetsATokenByClientCredentials() {
        given().auth().oauth2(Tokens.clientCredentials("copartner-partner-app", "copartner-partner-app-dev-secret"))
            .when().get("/api/v1/me")
            .then().statusCode(200)
            .body("roles", contains("auditor"));
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get("/api/v1/me")
            .then().statusCode(401)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/unauthorized"))
            .body("status", equalTo(401));
    }

    /**
     * A tampered copy of a genuine token keeps the genuine signature: the token guard (token-guard module) refuses it
     * before Liberty's mpJwt, which would write it whole into CWWKS6041E and an FFDC incident (docs/reliability.md).
     */
    @Test
    void aTamperedTokenIs401AndNeverReachesTheLogs() throws IOException {
        String token = Tokens.password("partner", "partner");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"partner\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged)
            .when().get("/api/v1/admin/system")
            .then().statusCode(401)
            .contentType(startsWith(PROBLEM))
            .header("WWW-Authenticate", startsWith("Bearer"))
            .body("type", equalTo("https://copartner.io/problems/unauthorized"));
        // Liberty writes its messages and FFDC incidents before the response is sent, so they are there by now.
        for (var log : LogSecretsIT.logFiles(PlatformExtension.settings().dataDir())) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(parts[2]),
                log + " holds the genuine signature of a tampered token");
        }
    }

    @Test
    void theWrongRoleIs403ProblemJson() {
        given().auth().oauth2(Tokens.password("partner", "partner"))
            .when().get("/api/v1/admin/system")
            .then().statusCode(403)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/forbidden"));
    }

    @Test
    void anAdminSeesTheSystemWiring() {
        given().auth().oauth2(Tokens.password("admin", "admin"))
            .when().get("/api/v1/admin/system")
            .then().statusCode(200)
            .body("issuer", equalTo(PlatformExtension.settings().issuer()))
            .body("chainId", equalTo(31337))
            .body("chainUp", equalTo(true));
    }
}
