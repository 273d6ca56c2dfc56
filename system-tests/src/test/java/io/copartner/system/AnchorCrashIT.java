package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.web3j.crypto.Hash;

/**
 * Liberty dies after an anchor transaction was mined and before the anchor was recorded: the test holds
 * ledger.audit_anchor in SHARE mode (readers go on, the record step's INSERT waits), waits until the chain holds
 * the new size and the worker waits on the lock, then kills Liberty. After the restart, reconciliation from the
 * chain records that anchor, exactly once, with the mined transaction.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
class AnchorCrashIT {

    static final String ANCHORED_TOPIC = Hash.sha3String("Anchored(uint64,bytes32,uint256)");

    @Test
    void anAnchorMinedButNotRecordedWhenLibertyDiesIsRecordedOnceAfterTheRestart() throws Exception {
        AuditLogIT.awaitCheckpoint(2);
        Platform platform = PlatformExtension.platform();
        PlatformSettings s = PlatformExtension.settings();
        String rpc = s.chainRpcUrl();
        String contract = given().get("/api/v1/audit/contract").then().statusCode(200).extract().path("address");

        long size;
        String txHash;
        try (Connection lock = db(s); Connection watch = db(s)) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table ledger.audit_anchor in share mode");
            }
            long recorded = scalar(lock, "select coalesce(max(tree_size), 0) from ledger.audit_anchor");
            LedgerIT.openWallet(); // a new audit entry, so a new checkpoint is queued for anchoring

            long t0 = System.nanoTime();
            size = await("the chain holds a size the database has not recorded").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> latestTreeSize(rpc, contract), n -> n > recorded);
            System.out.printf("[anchor-crash] size %d mined %.1f s after the new entry%n", size,
                (System.nanoTime() - t0) / 1e9);
            await("the worker's record step waits for the lock").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> scalar(watch, """
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like 'insert into ledger.audit_anchor%'"""), n -> n == 1);
            txHash = anchoredTx(rpc, contract, size);
            assertEquals(txHash, text(watch, "select tx_hash from ledger.anchor_outbox where tree_size = " + size),
                "the tx hash was written down, in its own transaction, before the wait for the receipt");

            platform.killLiberty();
            lock.rollback();
            assertEquals(0, scalar(watch, "select count(*) from ledger.audit_anchor where tree_size = " + size),
                "mined but never recorded");
            assertEquals(1, scalar(watch, "select count(*) from ledger.anchor_outbox where tree_size = " + size));
        }

        long t0 = System.nanoTime();
        platform.startLiberty();
        long ready = System.nanoTime();
        Map<String, Object> anchor = await("the restarted platform records the anchor").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> anchorOf(size), a -> a != null);
        System.out.printf("[anchor-crash] Liberty ready in %.1f s; anchor of size %d recorded %.2f s after ready%n",
            (ready - t0) / 1e9, size, (System.nanoTime() - ready) / 1e9);

        assertEquals(txHash, anchor.get("txHash"));
        assertEquals(contract.toLowerCase(), anchor.get("contract").toString().toLowerCase());
        try (Connection c = db(s)) {
            assertEquals(1, scalar(c, "select count(*) from ledger.audit_anchor where tree_size = " + size));
            assertEquals(1, scalar(c, "select count(*) from ledger.audit_anchor where tx_hash = '" + txHash + "'"));
            assertEquals(0, scalar(c, "select count(*) from ledger.anchor_outbox where tree_size <= " + size),
                "the outbox row is done");
        }
        // And it stays once: later anchors go on past it.
        LedgerIT.openWallet();
        await("anchoring goes on after the restart").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> newestAnchoredSize() > size);
        List<Map<String, Object>> items = given().queryParam("limit", 500).get("/api/v1/audit/anchors")
            .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, items.stream().filter(i -> ((Number) i.get("treeSize")).longValue() == size).count());
    }

    static Map<String, Object> anchorOf(long size) {
        List<Map<String, Object>> items = given().queryParam("limit", 500).get("/api/v1/audit/anchors")
            .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> ((Number) i.get("treeSize")).longValue() == size).findFirst().orElse(null);
    }

    static long newestAnchoredSize() {
        List<Integer> sizes = given().get("/api/v1/audit/anchors?limit=1").then().statusCode(200)
            .extract().path("items.treeSize");
        return sizes.isEmpty() ? 0 : sizes.get(0);
    }

    static long latestTreeSize(String rpc, String contract) {
        String selector = Hash.sha3String("latestTreeSize()").substring(0, 10);
        String result = ChainIT.rpc(rpc, "eth_call",
            "[{\"to\": \"" + contract + "\", \"data\": \"" + selector + "\"}, \"latest\"]");
        return new BigInteger(result.substring(2), 16).longValueExact();
    }

    /** The transaction of the Anchored event for {@code size}, read from the chain's logs (treeSize is indexed). */
    static String anchoredTx(String rpc, String contract, long size) {
        String body = given().baseUri(rpc).contentType("application/json")
            .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"address\":\"" + contract
                + "\",\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"topics\":[\"" + ANCHORED_TOPIC + "\",\"0x"
                + String.format("%064x", size) + "\"]}]}")
            .post("/").then().statusCode(200).extract().asString();
        List<String> txs = new JsonPath(body).getList("result.transactionHash");
        assertEquals(1, txs.size(), body);
        assertNotNull(txs.get(0));
        return txs.get(0);
    }

    static Connection db(PlatformSettings s) throws SQLException {
        return DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
