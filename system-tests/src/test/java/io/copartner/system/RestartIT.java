package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Stopping and starting keeps everything: the database, the chain state and the Keycloak realm. */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 1)
class RestartIT {

    @Test
    void aRestartedLibertyFindsWhatItWroteBefore() {
        String before = contractAddress();
        Platform platform = PlatformExtension.platform();
        platform.stopLiberty();
        platform.startLiberty();
        assertEquals(before, contractAddress(), "the remembered contract is reused, not redeployed");
    }

    @Test
    void aRestartOfTheWholePlatformKeepsDatabaseChainAndRealm() {
        String before = contractAddress();
        PlatformExtension.restartAll();
        assertEquals(before, contractAddress(), "contract remembered in PostgreSQL and still on the restored chain");
        String code = ChainIT.rpc(PlatformExtension.settings().chainRpcUrl(), "eth_getCode",
            "[\"" + before + "\", \"latest\"]");
        assertTrue(code.length() > 100, "anvil restored its state from data/chain");
        given().auth().oauth2(Tokens.fresh("auditor", "auditor"))
            .when().get("/api/v1/me")
            .then().statusCode(200)
            .body("roles", contains("auditor"));
        given().when().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String contractAddress() {
        return given().when().get("/api/v1/audit/contract").then().statusCode(200).extract().path("address");
    }
}
