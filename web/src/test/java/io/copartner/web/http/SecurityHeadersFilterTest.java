package io.copartner.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void theAppMayCallKeycloakAndTheChainAndNothingElse() {
        String csp = SecurityHeadersFilter.csp(Optional.of("http://127.0.0.1:8180"), Optional.of("http://127.0.0.1:8545"));
        assertTrue(csp.contains("connect-src 'self' http://127.0.0.1:8180 http://127.0.0.1:8545;"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(SecurityHeadersFilter.csp(Optional.empty(), Optional.empty()).contains("connect-src 'self';"));
    }
}
