package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verifier passes on the honest log; a row altered behind the platform's back (directly in PostgreSQL) is
 * caught by the verifier and by the server's self-check; restoring it makes both pass again.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE - 2)
class TamperIT {

    @Test
    void theVerifierPassesThenCatchesAnAlteredEntry() throws Exception {
        long size = AuditLogIT.awaitCheckpoint(2).getLong("treeSize");
        Await.until(java.time.Duration.ofSeconds(30), () ->
            given().get("/api/v1/audit/anchors").then().extract().jsonPath().getList("items").isEmpty() ? null : true);
        Path state = Files.createTempDirectory("verifier").resolve("state.json");

        VerifierCli.Result honest = VerifierCli.run(state, "--samples", Long.toString(size));
        assertEquals(0, honest.exitCode(), honest.output());

        String url = "jdbc:postgresql://127.0.0.1:" + PlatformExtension.settings().dbPort() + "/copartner";
        try (Connection c = DriverManager.getConnection(url, "copartner", "copartner")) {
            long entryId;
            String original;
            try (PreparedStatement ps = c.prepareStatement("""
                    select e.id, e.canonical from ledger.audit_leaf l join ledger.audit_entry e on e.id = l.entry_id
                    where l.leaf_index = 0""");
                 ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                entryId = rs.getLong(1);
                original = rs.getString(2);
            }
            String forged = original.replace("platform.", "platfOrm.");
            assertTrue(!forged.equals(original));
            update(c, entryId, forged);
            try {
                VerifierCli.Result caught = VerifierCli.run(state, "--samples", Long.toString(size));
                assertEquals(1, caught.exitCode(), caught.output());
                assertTrue(caught.output().contains("\"ok\":false") || caught.output().contains("\"ok\" : false"),
                    caught.output());
                given().auth().oauth2(Tokens.password("auditor", "auditor")).get("/api/v1/audit/self-check")
                    .then().statusCode(200)
                    .body("ok", equalTo(false))
                    .body("problems", hasItem(containsString("leaf 0")));
            } finally {
                update(c, entryId, original);
            }
        }
        given().auth().oauth2(Tokens.password("auditor", "auditor")).get("/api/v1/audit/self-check")
            .then().statusCode(200).body("ok", equalTo(true));
        VerifierCli.Result again = VerifierCli.run(state);
        assertEquals(0, again.exitCode(), again.output());
    }

    private static void update(Connection c, long entryId, String canonical) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("update ledger.audit_entry set canonical = ? where id = ?")) {
            ps.setString(1, canonical);
            ps.setLong(2, entryId);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
