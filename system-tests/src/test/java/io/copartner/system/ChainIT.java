package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AuditAnchor contract is deployed by the platform and answers on the chain itself. */
@ExtendWith(PlatformExtension.class)
class ChainIT {

    @Test
    void theAnchorContractIsDeployedAndAnswers() {
        String address = given().when().get("/api/v1/audit/contract")
            .then().statusCode(200)
            .body("chainId", equalTo(31337))
            .body("address", matchesPattern("0x[0-9a-fA-F]{40}"))
            .extract().path("address");

        String rpc = PlatformExtension.settings().chainRpcUrl();
        String code = rpc(rpc, "eth_getCode", "[\"" + address + "\", \"latest\"]");
        assertTrue(code.length() > 100, "contract code present: " + code);

        // latestTreeSize() answers with what the platform says it anchored (anchoring goes on meanwhile).
        long before = newestAnchoredSize();
        String selector = org.web3j.crypto.Hash.sha3String("latestTreeSize()").substring(0, 10);
        String result = rpc(rpc, "eth_call", "[{\"to\": \"" + address + "\", \"data\": \"" + selector + "\"}, \"latest\"]");
        long onChain = new java.math.BigInteger(result.substring(2), 16).longValueExact();
        assertTrue(before <= onChain, before + " <= " + onChain);
        // Mined comes before recorded (claim, send, record), so the record may follow a moment later.
        await("what the chain holds is recorded").atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(100))
            .until(ChainIT::newestAnchoredSize, after -> after >= onChain);
    }

    private static long newestAnchoredSize() {
        java.util.List<Integer> sizes = given().get("/api/v1/audit/anchors?limit=1").then().statusCode(200)
            .extract().path("items.treeSize");
        return sizes.isEmpty() ? 0 : sizes.get(0);
    }

    static String rpc(String url, String method, String params) {
        return given().baseUri(url).contentType(ContentType.JSON)
            .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}")
            .when().post("/")
            .then().statusCode(200)
            .extract().path("result");
    }
}
