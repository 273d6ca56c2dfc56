package io.copartner.tokenguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksLocationTest {

    @Test
    void followsServerXmlsChainOfVariables() {
        assertEquals("http://127.0.0.1:8180/realms/copartner/protocol/openid-connect/certs", JwksLocation.from(Map.of()));
        assertEquals("http://kc:1/realms/r/protocol/openid-connect/certs",
            JwksLocation.from(Map.of("COPARTNER_KEYCLOAK_URL", "http://kc:1", "COPARTNER_KEYCLOAK_REALM", "r")));
        assertEquals("https://id.example/realms/x/protocol/openid-connect/certs",
            JwksLocation.from(Map.of("COPARTNER_JWT_ISSUER", "https://id.example/realms/x",
                "COPARTNER_KEYCLOAK_URL", "http://kc:1")));
        assertEquals("https://keys.example/jwks", JwksLocation.from(Map.of("COPARTNER_JWT_JWKS_URI", " https://keys.example/jwks ",
            "COPARTNER_JWT_ISSUER", "https://id.example/realms/x")));
    }
}
