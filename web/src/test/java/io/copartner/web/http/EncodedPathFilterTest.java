package io.copartner.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncodedPathFilterTest {

    @Test
    void ordinaryPathsPass() {
        for (String p : new String[] {"/", "/api/v1/products/0193", "/trace/01/04012345678901/21/A%20100",
            "/shop/%E8%8C%B6%E5%8F%B6", "/api/v1/reports/2026-W49", "/assets/app.3f2a.js", "/a;jsessionid=1/b"}) {
            assertEquals(Optional.empty(), EncodedPathFilter.suspicious(p), p);
        }
    }

    @Test
    void suspiciousSequencesAreRefusedWithTheirReason() {
        String[][] cases = {
            {"/api/v1/products/%00", "control"}, {"/api/v1/products/a%07b", "control"},
            {"/api/v1/products/%1B", "control"}, {"/api/v1/products/%7F", "control"},
            {"/api/v1/products/%C2%85", "control"},
            {"/api/v1/products/a%2Fb", "'/'"}, {"/api/v1/products/a%2fb", "'/'"},
            {"/api/v1/products/a%5Cb", "encoded"}, {"/api/v1/products/a\\b", "backslash"},
            {"/api/v1/%2e%2e/WEB-INF/web.xml", "'..'"}, {"/api/v1/./me", "'.'"}, {"/x/..;a=b/y", "'..'"},
            {"/api/v1/products/%zz", "broken percent escape"}, {"/api/v1/products/%4", "broken percent escape"},
            {"/api/v1/products/%C3%28", "not UTF-8"}, {"/api/v1/products/%FF", "not UTF-8"},
        };
        for (String[] c : cases) {
            Optional<String> why = EncodedPathFilter.suspicious(c[0]);
            assertTrue(why.isPresent() && why.get().contains(c[1]), c[0] + " -> " + why);
        }
    }
}
