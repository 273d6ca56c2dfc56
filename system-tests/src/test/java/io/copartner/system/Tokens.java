package io.copartner.system;

import static io.restassured.RestAssured.given;

/** Access tokens from the real Keycloak, as a client application would get them. */
final class Tokens {

    private Tokens() {
    }

    static String password(String user, String password) {
        return given().baseUri(PlatformExtension.settings().issuer())
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "password")
            .formParam("client_id", "copartner-cli")
            .formParam("username", user)
            .formParam("password", password)
            .when().post("/protocol/openid-connect/token")
            .then().statusCode(200)
            .extract().path("access_token");
    }

    static String clientCredentials(String clientId, String secret) {
        return given().baseUri(PlatformExtension.settings().issuer())
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", secret)
            .when().post("/protocol/openid-connect/token")
            .then().statusCode(200)
            .extract().path("access_token");
    }
}
