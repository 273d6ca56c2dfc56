package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner tops up through the sandbox provider's signed webhook: credited exactly once; forged, old and replayed
 * webhooks change nothing. The sandbox secret is the dev default unless the environment sets
 * COPARTNER_PAYMENT_SANDBOX_SECRET (the forgeries here are signed with other secrets or times on purpose).
 */
@ExtendWith(PlatformExtension.class)
class TopUpIT {

    static final String WEBHOOK = "/api/v1/payments/sandbox/webhook";
    static final String SECRET = "dev-sandbox-webhook-secret-change-me";

    @Test
    void aTopUpCreditsTheWalletExactlyOnceAndForgedOldOrReplayedWebhooksChangeNothing() throws Exception {
        Partner p = Gov.partner(Type.ED25519);
        String key = "it-topup-" + UUID.randomUUID();
        Response created = start(p.token(), "CNY", 10000, key);
        created.then().statusCode(201).body("status", equalTo("PENDING")).body("amount", equalTo(10000))
            .body("provider", equalTo("sandbox"));
        String id = created.path("id");
        start(p.token(), "CNY", 10000, key).then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("id", equalTo(id));

        JsonPath signed = confirmation(p.token(), id);
        assertEquals(WEBHOOK, signed.getString("path"));
        String body = signed.getString("body");
        String signature = signed.getString("signature");

        // Forged: signed with another secret; tampered: the amount changed after signing; unsigned; old: signed
        // (with the real secret) 10 minutes ago. None changes anything.
        long now = Instant.now().getEpochSecond();
        refused(deliver(body, sign("not-the-sandbox-secret-at-all", now, body)), 400, "webhook-signature-invalid");
        refused(deliver(body.replace("\"amount\":10000", "\"amount\":99999"), signature), 400,
            "webhook-signature-invalid");
        refused(given().contentType("application/json").body(body).post(WEBHOOK), 400, "webhook-signature-invalid");
        refused(deliver(body, sign(SECRET, now - 600, body)), 400, "webhook-timestamp-stale");
        given().auth().oauth2(p.token()).get("/api/v1/wallet/top-ups/" + id).then().statusCode(200)
            .body("status", equalTo("PENDING"));
        given().auth().oauth2(p.token()).get("/api/v1/wallet").then().statusCode(200).body("size()", equalTo(0));

        // The real one: credited.
        JsonPath done = deliver(body, signature).then().statusCode(200).body("status", equalTo("COMPLETED"))
            .extract().jsonPath();
        String wallet = done.getString("walletAccountId");
        String entry = done.getString("ledgerEntryId");
        assertBalance(p, wallet, 10000);

        // Replayed (same event id, freshly signed or as it was), or a second confirmation of the same top-up
        // (another event id): nothing more.
        refused(deliver(body, signature), 409, "webhook-replayed");
        refused(deliver(body, sign(SECRET, Instant.now().getEpochSecond(), body)), 409, "webhook-replayed");
        JsonPath again = confirmation(p.token(), id);
        assertNotEquals(body, again.getString("body"));
        refused(deliver(again.getString("body"), again.getString("signature")), 409, "conflict");
        assertBalance(p, wallet, 10000);

        // One ledger entry, balanced, from EXTERNAL_FUNDING:CNY to the wallet; the wallet's statement has one line.
        JsonPath e = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/entries/" + entry).then()
            .statusCode(200).extract().jsonPath();
        List<Number> amounts = e.getList("postings.amount", Number.class);
        assertEquals(0L, amounts.stream().mapToLong(Number::longValue).sum());
        JsonPath statement = given().auth().oauth2(p.token()).get("/api/v1/ledger/accounts/" + wallet + "/statement")
            .then().statusCode(200).extract().jsonPath();
        assertEquals(1, statement.getList("items").size(), statement.prettify());
        given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/trial-balance").then().statusCode(200);

        // A second top-up goes to the same wallet.
        String second = start(p.token(), "CNY", 250, "it-topup-" + UUID.randomUUID()).then().statusCode(201)
            .extract().path("id");
        JsonPath s = confirmation(p.token(), second);
        deliver(s.getString("body"), s.getString("signature")).then().statusCode(200)
            .body("walletAccountId", equalTo(wallet));
        assertBalance(p, wallet, 10250);
    }

    @Test
    void badTopUpsAndOthersTopUpsAreRefused() {
        Partner p = Gov.partner(Type.SECP256K1);
        Partner other = Gov.partner(Type.ED25519);
        refused(start(p.token(), "XYZ", 100, "it-" + UUID.randomUUID()), 400, "unsupported-currency");
        refused(start(p.token(), "EUR", 100, "it-" + UUID.randomUUID()), 400, "unsupported-currency");
        refused(start(p.token(), "CNY", 0, "it-" + UUID.randomUUID()), 400, "validation");
        Gov.refused(given().auth().oauth2(p.token()).contentType("application/json")
            .body(Map.of("currency", "CNY", "amount", 1)).post("/api/v1/wallet/top-ups"), 400);
        String id = start(p.token(), "USD", 100, "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        Gov.refused(given().auth().oauth2(other.token()).get("/api/v1/wallet/top-ups/" + id), 404);
        Gov.refused(given().auth().oauth2(other.token()).contentType("application/json").body("{}")
            .post("/api/v1/wallet/top-ups/" + id + "/sandbox-confirmation"), 404);
        Gov.refused(given().contentType("application/json").body("{}").post("/api/v1/payments/acme/webhook"), 404);
        Gov.refused(given().contentType("application/json").body("{\"currency\":\"CNY\",\"amount\":1}")
            .header("Idempotency-Key", "k").post("/api/v1/wallet/top-ups"), 401);
    }

    static Response start(String token, String currency, long amount, String key) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("currency", currency, "amount", amount)).post("/api/v1/wallet/top-ups");
    }

    static JsonPath confirmation(String token, String id) {
        return given().auth().oauth2(token).contentType("application/json").body("{}")
            .post("/api/v1/wallet/top-ups/" + id + "/sandbox-confirmation").then().statusCode(200)
            .body("signatureHeader", equalTo("Copartner-Signature")).extract().jsonPath();
    }

    static Response deliver(String body, String signature) {
        return given().contentType("application/json").header("Copartner-Signature", signature)
            .body(body.getBytes(StandardCharsets.UTF_8)).post(WEBHOOK);
    }

    static String sign(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static void refused(Response r, int status, String type) {
        Gov.refused(r, status);
        assertEquals("https://copartner.io/problems/" + type, r.jsonPath().getString("type"), r.asString());
    }

    static void assertBalance(Partner p, String wallet, long balance) {
        given().auth().oauth2(p.token()).get("/api/v1/wallet").then().statusCode(200)
            .body("size()", equalTo(1)).body("[0].accountId", equalTo(wallet))
            .body("[0].balance", equalTo((int) balance));
        given().auth().oauth2(p.token()).get("/api/v1/ledger/accounts/" + wallet).then().statusCode(200)
            .body("balance", equalTo((int) balance));
    }
}
