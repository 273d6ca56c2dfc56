package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Abuse limits on a running platform. The platform starts with the generous defaults (the rest of the suite and
 * the benches must not be throttled); each test tightens one limit through the limits file
 * ({@code COPARTNER_RATELIMIT_FILE}, re-read by Liberty and Keycloak when it changes, as an operator would during
 * an attack), sees 429 problem + Retry-After, and the file is removed afterwards, so no restart is needed.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
class AbuseLimitsIT {

    static final String TOO_MANY = "https://copartner.io/problems/too-many-requests";

    static Path limitsFile() {
        return Path.of(System.getProperty("copartner.it.ratelimit-file"));
    }

    static void limits(String properties) {
        try {
            Path tmp = Files.createTempFile(limitsFile().getParent(), "limits", ".tmp");
            Files.writeString(tmp, properties);
            Files.move(tmp, limitsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void backToTheDefaults() throws IOException {
        Files.deleteIfExists(limitsFile());
        Await.until(Duration.ofSeconds(10), () -> given().get("/api/v1/audit/checkpoint").statusCode() == 200
            && nonce(null).statusCode() == 200 ? true : null);
    }

    @Test
    void publicReadsAreLimitedPerIpWith429ProblemAndRetryAfter() {
        limits("copartner.ratelimit.read.ip.per-second=0.5\ncopartner.ratelimit.read.ip.burst=3\n");
        Response limited = firstLimited(() -> given().get("/api/v1/audit/checkpoint"));
        limited.then().contentType(startsWith(ProblemDetailsIT.PROBLEM))
            .body("type", equalTo(TOO_MANY)).body("status", equalTo(429))
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        long wait = Long.parseLong(limited.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 2, "0.5 per second: a token within 2 s, announced " + wait);
        // Writes are another budget, and the read budget refills after the announced wait.
        given().contentType("application/json").body("{\"asset\": \"CNY\", \"amount\": 100, \"weights\": [1]}")
            .post("/api/v1/tools/splits").then().statusCode(200);
        long start = System.nanoTime();
        Await.until(Duration.ofSeconds(wait + 5), () -> given().get("/api/v1/audit/checkpoint").statusCode() == 200
            ? true : null);
        System.out.printf("[abuse-limits] reads: 429 after the burst of 3, Retry-After %d s, served again after %d ms%n",
            wait, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void writesAreLimitedPerClientAndOneClientDoesNotSpendAnothersBudget() {
        limits("copartner.ratelimit.write.client.per-second=0.1\ncopartner.ratelimit.write.client.burst=2\n");
        String partner = LedgerIT.token("partner");
        String auditor = LedgerIT.token("auditor");
        String body = "{\"asset\": \"CNY\", \"amount\": 100, \"weights\": [1]}";
        Response limited = firstLimited(() -> given().auth().oauth2(partner).contentType("application/json")
            .body(body).post("/api/v1/tools/splits"));
        limited.then().contentType(startsWith(ProblemDetailsIT.PROBLEM)).body("type", equalTo(TOO_MANY));
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        given().auth().oauth2(auditor).contentType("application/json").body(body).post("/api/v1/tools/splits")
            .then().statusCode(200);
        given().contentType("application/json").body(body).post("/api/v1/tools/splits").then().statusCode(200);
        given().auth().oauth2(partner).get("/api/v1/audit/checkpoint").then().statusCode(200);
    }

    @Test
    void signInChallengesAreLimitedPerIpAndPerClientInKeycloak() {
        limits("copartner.ratelimit.signin.client.per-second=0.1\ncopartner.ratelimit.signin.client.burst=2\n");
        Response byClient = firstLimited(() -> nonce("wallet-a"));
        byClient.then().contentType(startsWith(ProblemDetailsIT.PROBLEM)).body("type", equalTo(TOO_MANY));
        assertTrue(Long.parseLong(byClient.header("Retry-After")) >= 1);
        nonce("wallet-b").then().statusCode(200);

        limits("copartner.ratelimit.signin.ip.per-second=0.2\ncopartner.ratelimit.signin.ip.burst=2\n");
        Response byIp = firstLimited(() -> nonce(null));
        byIp.then().contentType(startsWith(ProblemDetailsIT.PROBLEM)).body("type", equalTo(TOO_MANY))
            .header("Access-Control-Allow-Origin", "*");
        long wait = Long.parseLong(byIp.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 5, "announced " + wait);
        nonce("wallet-c").then().statusCode(429);
        System.out.printf("[abuse-limits] sign-in: 429 per client after 2, per IP after 2, Retry-After %d s%n", wait);
    }

    static Response nonce(String clientId) {
        var spec = given().baseUri(PlatformExtension.settings().issuer());
        if (clientId != null) {
            spec = spec.queryParam("client_id", clientId);
        }
        return spec.post("/did-auth/nonce");
    }

    /** Calls until the first 429 (the limits file is picked up within a second); fails on anything but 2xx/429. */
    static Response firstLimited(Supplier<Response> call) {
        int[] allowed = {0};
        Response r = Await.until(Duration.ofSeconds(15), () -> {
            Response got = call.get();
            if (got.statusCode() == 429) {
                return got;
            }
            assertEquals(2, got.statusCode() / 100, got.asString());
            allowed[0]++;
            return null;
        });
        System.out.println("[abuse-limits] " + allowed[0] + " calls allowed before the first 429");
        return r;
    }
}
