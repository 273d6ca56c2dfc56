package io.copartner.web.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppShellFilterTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void pageNavigationsToClientRoutesGetTheApp() {
        assertTrue(AppShellFilter.isAppRoute("GET", "/", HTML));
        assertTrue(AppShellFilter.isAppRoute("GET", "/account", HTML));
        assertTrue(AppShellFilter.isAppRoute("HEAD", "/admin/merchants/m-1", HTML));
        assertTrue(AppShellFilter.isAppRoute("GET", "/audit/entries/42", HTML));
    }

    @Test
    void serverPathsFilesAndNonBrowsersKeepTheirAnswers() {
        for (String p : new String[] {"/api/v1/me", "/api", "/openapi", "/openapi/ui", "/health", "/health/ready",
            "/.well-known/did.json", "/trace/item-1", "/merchants/m-1/did.json", "/ns/credentials/v1",
            "/error-page", "/app-config.json", "/metrics"}) {
            assertFalse(AppShellFilter.isAppRoute("GET", p, HTML), p);
        }
        assertFalse(AppShellFilter.isAppRoute("GET", "/assets/missing.js", HTML), "a file name is never the app");
        assertFalse(AppShellFilter.isAppRoute("GET", "/account", "application/json"), "API clients get 404 problems");
        assertFalse(AppShellFilter.isAppRoute("GET", "/account", "*/*"));
        assertFalse(AppShellFilter.isAppRoute("GET", "/account", null));
        assertFalse(AppShellFilter.isAppRoute("POST", "/account", HTML));
    }
}
