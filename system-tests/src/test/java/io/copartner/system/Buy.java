package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The order flow from a client's side: funded partners, listed products, checkout and each order step. */
final class Buy {

    private Buy() {
    }

    /** A new did:key partner whose CNY wallet holds {@code amount} (0: no wallet at all). */
    static Partner fundedPartner(long amount) {
        Partner p = Gov.partner(Type.ED25519);
        if (amount > 0) {
            topUp(p, amount);
        }
        return p;
    }

    static void topUp(Partner p, long amount) {
        String id = TopUpIT.start(p.token(), "CNY", amount, "it-topup-" + UUID.randomUUID()).then().statusCode(201)
            .extract().path("id");
        JsonPath w = TopUpIT.confirmation(p.token(), id);
        TopUpIT.deliver(w.getString("body"), w.getString("signature")).then().statusCode(200);
    }

    /** A live product of the merchant with this stock and CNY price; its id. */
    static String product(Shop.Merchant m, long stock, long cny) {
        Map<String, Object> body = new java.util.HashMap<>(Shop.product(Shop.gtin(), "Order test tea", "tea", cny));
        body.put("stock", stock);
        return Shop.create(m.token(), body, "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
    }

    static Response checkout(String token, String key, Object... productAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(Map.of("productId", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("currency", "CNY", "lines", lines)).post("/api/v1/checkouts");
    }

    static Response step(String token, String orderId, String step, Object body) {
        var req = given().auth().oauth2(token).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID());
        return req.body(body == null ? "{}" : body).post("/api/v1/orders/" + orderId + "/" + step);
    }

    static Response ship(String token, String orderId) {
        return step(token, orderId, "shipment", Map.of("carrier", "SF Express", "trackingNumber",
            "SF" + System.nanoTime()));
    }

    static JsonPath order(String token, String orderId) {
        return given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().statusCode(200).extract()
            .jsonPath();
    }

    static long balance(Partner p) {
        List<Map<String, Object>> w = given().auth().oauth2(p.token()).get("/api/v1/wallet").then().statusCode(200)
            .extract().jsonPath().getList("$");
        return w.isEmpty() ? 0 : ((Number) w.get(0).get("balance")).longValue();
    }

    static void refused(Response r, int status, String type) {
        TopUpIT.refused(r, status, type);
    }

    /**
     * Every step of the order has its audit entry sequenced, of type {@code commerce.order.<status>} about this order,
     * with an inclusion proof to a signed checkpoint's root.
     */
    static void assertStepsProven(String token, String orderId) {
        JsonPath o = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath j = order(token, orderId);
            return j.getList("steps.auditIndex").stream().allMatch(java.util.Objects::nonNull) ? j : null;
        });
        List<Number> indexes = o.getList("steps.auditIndex", Number.class);
        List<String> statuses = o.getList("steps.status");
        long max = indexes.stream().mapToLong(Number::longValue).max().orElseThrow();
        String[] signed = Await.until(Duration.ofSeconds(30), () -> {
            String[] note = GovernanceAudit.verifiedNote();
            return Long.parseLong(note[0]) > max ? note : null;
        });
        long size = Long.parseLong(signed[0]);
        byte[] root = Base64.getDecoder().decode(signed[1]);
        for (int i = 0; i < indexes.size(); i++) {
            long index = indexes.get(i).longValue();
            JsonNode entry = GovernanceAudit.entry(index);
            assertEquals("commerce.order." + statuses.get(i).toLowerCase(java.util.Locale.ROOT),
                entry.get("type").asText(), "step " + i);
            assertEquals("order:" + orderId, entry.get("subject").asText());
            List<String> path = given().queryParam("index", index).queryParam("treeSize", size)
                .get("/api/v1/audit/proofs/inclusion").then().statusCode(200).extract().jsonPath().getList("hashes");
            String canonical = given().get("/api/v1/audit/entries/" + index).then().extract().path("canonical");
            assertArrayEquals(root, AuditLogIT.rootFromInclusion(index, size, leaf(canonical), path),
                "the " + statuses.get(i) + " entry is included in the signed checkpoint");
        }
    }

    static byte[] leaf(String canonical) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((byte) 0);
            return d.digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
