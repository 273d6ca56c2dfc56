package io.copartner.tokenguard;

import java.util.Map;
import java.util.function.Function;

/**
 * Where the issuer's JWKS is, for the guard run as a Liberty user feature. A user feature's component cannot read
 * server.xml variables, so this follows the same chain from the same environment variables Liberty maps onto them
 * (server.xml: copartner.jwt.jwks.uri, copartner.jwt.issuer, copartner.keycloak.url, copartner.keycloak.realm).
 * Keep the defaults here equal to server.xml's.
 */
final class JwksLocation {

    private JwksLocation() {
    }

    static String from(Function<String, String> env) {
        String jwks = nonBlank(env.apply("COPARTNER_JWT_JWKS_URI"));
        if (jwks != null) {
            return jwks;
        }
        String issuer = nonBlank(env.apply("COPARTNER_JWT_ISSUER"));
        if (issuer == null) {
            String keycloak = orDefault(env.apply("COPARTNER_KEYCLOAK_URL"), "http://127.0.0.1:8180");
            issuer = keycloak + "/realms/" + orDefault(env.apply("COPARTNER_KEYCLOAK_REALM"), "copartner");
        }
        return issuer + "/protocol/openid-connect/certs";
    }

    static String from(Map<String, String> env) {
        return from(env::get);
    }

    private static String orDefault(String value, String fallback) {
        String v = nonBlank(value);
        return v == null ? fallback : v;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
