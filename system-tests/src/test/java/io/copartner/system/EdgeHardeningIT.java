package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Size limits on every operation, security headers on every kind of answer, CORS only for configured origins. */
@ExtendWith(PlatformExtension.class)
class EdgeHardeningIT {

    /** Set for the test platform in system-tests' pom (COPARTNER_HTTP_CORS_ALLOWED_ORIGINS). */
    static final String ALLOWED_ORIGIN = "https://wallet.partner.example";
    static final String OTHER_ORIGIN = "https://evil.example";

    @Test
    void everyOperationWithABodyRefusesAnOversizedOneOfAnyContentTypeWith413() throws IOException {
        Map<String, Map<String, Object>> paths = given().get("/openapi?format=JSON").then().statusCode(200)
            .extract().path("paths");
        List<String> tried = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (!List.of("post", "put", "patch").contains(method)) {
                    continue;
                }
                String target = path.getKey().replaceAll("\\{[^}]+}", "x");
                for (String type : List.of("application/json", "text/plain", "application/octet-stream",
                    "application/x-www-form-urlencoded")) {
                    String answer = declareTooLarge(method.toUpperCase(Locale.ROOT), target, type);
                    assertTrue(answer.startsWith("HTTP/1.1 413"), method + " " + target + " " + type + ": " + answer);
                    assertTrue(answer.contains("https://copartner.io/problems/payload-too-large"), answer);
                    assertTrue(answer.toLowerCase(Locale.ROOT).contains("x-content-type-options: nosniff"), answer);
                    tried.add(method + " " + target + " " + type);
                }
            }
        }
        // And where no operation is: the limit is on the edge, not per resource.
        assertTrue(declareTooLarge("POST", "/api/v1/no-such-thing", "text/plain").startsWith("HTTP/1.1 413"));
        assertTrue(declareTooLarge("PUT", "/", "application/octet-stream").startsWith("HTTP/1.1 413"));
        System.out.println("[edge] 413 for " + tried.size() + " (operation, content type) pairs");
        assertTrue(tried.size() > 20, "the document lists the operations: " + tried);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        Map<String, Response> answers = new java.util.LinkedHashMap<>();
        answers.put("API 200", given().get("/api/v1/audit/checkpoint"));
        answers.put("problem 404", given().get("/api/v1/no-such-thing"));
        answers.put("problem 401", given().get("/api/v1/me"));
        answers.put("problem 405", given().delete("/api/v1/tools/splits"));
        answers.put("problem 415", given().contentType("text/plain").body("x").post("/api/v1/tools/splits"));
        answers.put("problem 400", given().contentType("application/json").body("{").post("/api/v1/tools/splits"));
        answers.put("error page 404", given().get("/no-such-page"));
        answers.put("static /", given().get("/"));
        answers.put("did.json", given().get("/.well-known/did.json"));
        answers.put("/openapi", given().get("/openapi"));
        answers.put("/openapi/ui", given().get("/openapi/ui/"));
        answers.put("/health", given().get("/health"));
        answers.put("/health/ready", given().get("/health/ready"));
        answers.put("/metrics", given().get("/metrics"));
        for (var a : answers.entrySet()) {
            Response r = a.getValue();
            String where = a.getKey() + " (" + r.statusCode() + ")";
            for (String h : List.of("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                "Content-Security-Policy")) {
                assertTrue(r.header(h) != null, where + " lacks " + h);
            }
            // Liberty's OpenAPI UI sends a CSP of its own (so server.xml's setIfMissing one is not added there);
            // X-Frame-Options: DENY keeps it out of frames all the same.
            if (!a.getKey().equals("/openapi/ui")) {
                assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), where);
            }
            assertTrue(r.header("X-Frame-Options").equals("DENY"), where);
            assertTrue(r.statusCode() < 500 || a.getKey().startsWith("/health"), where);
        }
        // The application's own answers get the strict policy, scripts from its own origin only.
        answers.get("API 200").then().header("Content-Security-Policy", containsString("default-src 'self'"));
        answers.get("problem 404").then().header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void aConfiguredOriginMayCallTheApiCrossOriginAndNoOtherMay() {
        given().header("Origin", ALLOWED_ORIGIN).get("/api/v1/audit/checkpoint").then().statusCode(200)
            .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
            .header("Vary", containsString("Origin"))
            .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", OTHER_ORIGIN).get("/api/v1/audit/checkpoint").then().statusCode(200)
            .header("Access-Control-Allow-Origin", nullValue());
        // The web app's own origin (the public URL) is allowed by default.
        String own = PlatformExtension.settings().baseUrl();
        given().header("Origin", own).get("/api/v1/audit/checkpoint").then()
            .header("Access-Control-Allow-Origin", own);
    }

    @Test
    void aPreflightIsAnsweredForAConfiguredOriginAndRefusedForAnother() {
        given().header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
            .options("/api/v1/ledger/entries").then().statusCode(204)
            .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
            .header("Access-Control-Allow-Methods", containsString("POST"))
            .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
            .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "POST")
            .options("/api/v1/ledger/entries").then().statusCode(403)
            .contentType(startsWith(ProblemDetailsIT.PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/forbidden"))
            .header("Access-Control-Allow-Origin", nullValue());
    }

    /** Announces a 2 MiB body and sends none of it: the answer must come at once. */
    static String declareTooLarge(String method, String path, String contentType) throws IOException {
        try (Socket s = new Socket("127.0.0.1", PlatformExtension.settings().httpPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + (2 << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return head(s.getInputStream());
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            got.write(buf, 0, n);
            String text = got.toString(StandardCharsets.UTF_8);
            int bodyStart = text.indexOf("\r\n\r\n");
            if (bodyStart > 0 && text.indexOf('}', bodyStart) > 0) {
                break;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
