package io.copartner.system;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens from the real Keycloak, as a client application would get them. */
final class Tokens {

    private Tokens() {
    }

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    /**
     * A token for the user, shared by every test until a minute before it expires. Grants for one user are made one
     * at a time: simultaneous password grants for one user trip Keycloak's brute-force detection (400,
     * user_temporarily_disabled), and the suite's classes run in parallel.
     */
    static String password(String user, String password) {
        String key = user + "\u0000" + password;
        synchronized (LOCKS.computeIfAbsent(user, u -> new Object())) {
            String cached = CACHE.get(key);
            if (cached != null && expiry(cached).isAfter(Instant.now().plusSeconds(60))) {
                return cached;
            }
            String token = grant(user, password);
            CACHE.put(key, token);
            return token;
        }
    }

    /** A new token from Keycloak itself, never the shared one (still one grant per user at a time). */
    static String fresh(String user, String password) {
        synchronized (LOCKS.computeIfAbsent(user, u -> new Object())) {
            return grant(user, password);
        }
    }

    private static String grant(String user, String password) {
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

    private static Instant expiry(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = EXP.matcher(payload);
        return exp.find() ? Instant.ofEpochSecond(Long.parseLong(exp.group(1))) : Instant.EPOCH;
    }

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

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
