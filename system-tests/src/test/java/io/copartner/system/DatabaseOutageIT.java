package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copartner.launcher.Platform;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A database outage answers 503 problem details with Retry-After, never a 500, and the API (and Keycloak, which
 * shares the embedded PostgreSQL) recovers by itself once the database is back. It stops a shared part, so it runs
 * after the other scenarios (only the restart scenarios come later) and waits until the platform is healthy again.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 3)
class DatabaseOutageIT {

    static final String UNAVAILABLE = "https://copartner.io/problems/unavailable";

    @Test
    void anOutageIs503ProblemAndTheApiRecoversWhenTheDatabaseIsBack() {
        String wallet = LedgerIT.openWallet();
        String admin = LedgerIT.token("admin");
        String auditor = LedgerIT.token("auditor");
        Platform platform = PlatformExtension.platform();

        platform.stopDatabase();
        try {
            // Twice each: the first may meet a pooled connection that died, the second a refused new one.
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(auditor).when().get("/api/v1/ledger/accounts/" + wallet)
                    .then().statusCode(503)
                    .contentType(startsWith(ProblemDetailsIT.PROBLEM))
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo(UNAVAILABLE));
                given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"owner\":\"party:it-" + UUID.randomUUID() + "\",\"asset\":\"CNY\",\"kind\":\"WALLET\",\"name\":\"w\"}")
                    .when().post("/api/v1/ledger/accounts")
                    .then().statusCode(503)
                    .contentType(startsWith(ProblemDetailsIT.PROBLEM))
                    .body("type", equalTo(UNAVAILABLE));
            }
            // A share link clicked meanwhile keeps its attribution and lands in the shop, not on an error page.
            given().redirects().follow(false).when().get("/r/itOutage42").then().statusCode(303)
                .header("Location", endsWith("/shop")).cookie("copartner_ref", "itOutage42");
            given().when().get("/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        } finally {
            platform.startDatabase();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            given().auth().oauth2(auditor).when().get("/api/v1/ledger/accounts/" + wallet).then().statusCode(200));
        // Keycloak shares the database and answers a new grant 500 for a while after it is back: wait for it first,
        // since funding may need a new token. It also leaves the platform as found for the scenarios after this one.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
            .untilAsserted(() -> Tokens.fresh("partner", "partner"));
        LedgerIT.fund(wallet, 250);
        assertEquals(250, LedgerIT.balance(wallet));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            given().when().get("/health/ready").then().statusCode(200));
    }
}
