package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A chain that stops during traffic delays anchors but loses nothing, and commerce goes on meanwhile. */
@ExtendWith(PlatformExtension.class)
class ChainOutageIT {

    @Test
    void paymentsGoOnWhileTheChainIsDownAndAnchorsCatchUpAfterwards() throws Exception {
        AuditLogIT.awaitCheckpoint(2);
        Platform platform = PlatformExtension.platform();
        String payer = LedgerIT.openWallet();
        String payee = LedgerIT.openWallet();
        LedgerIT.fund(payer, 10_000);

        platform.stopChain();
        try {
            long anchoredBefore = newestAnchoredSize();
            for (int i = 0; i < 20; i++) {
                LedgerIT.transfer(payer, payee, 100);
            }
            assertEquals(8_000, LedgerIT.balance(payer));
            assertEquals(2_000, LedgerIT.balance(payee));
            long grown = AuditLogIT.awaitCheckpoint(anchoredBefore + 20).getLong("treeSize");
            given().get("/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'chain' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
            Thread.sleep(3_000);
            assertTrue(newestAnchoredSize() < grown, "nothing can be anchored while the chain is down");
        } finally {
            platform.startChain();
        }

        long size = AuditLogIT.awaitCheckpoint(1).getLong("treeSize");
        JsonPath anchor = AuditLogIT.await(Duration.ofSeconds(120), () -> {
            JsonPath page = given().get("/api/v1/audit/anchors?limit=1").then().statusCode(200).extract().jsonPath();
            List<Object> items = page.getList("items");
            return !items.isEmpty() && page.getLong("items[0].treeSize") >= size ? page : null;
        });
        assertTrue(anchor.getLong("items[0].treeSize") >= size);
        given().get("/health/ready").then().statusCode(200);

        // Nothing lost: every leaf is in the signed tree, every anchor is on chain, and the log is consistent.
        VerifierCli.Result result = VerifierCli.run(Files.createTempDirectory("verifier").resolve("state.json"),
            "--samples", "64");
        assertEquals(0, result.exitCode(), result.output());
    }

    private static long newestAnchoredSize() {
        List<Integer> sizes = given().get("/api/v1/audit/anchors?limit=1").then().statusCode(200)
            .extract().path("items.treeSize");
        return sizes.isEmpty() ? 0 : sizes.get(0);
    }
}
