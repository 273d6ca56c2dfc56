package io.copartner.system;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The commerce contract from a client's side: merchants, products, GTINs. */
final class Shop {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Shop() {
    }

    /** A merchant created and verified by the admin: its id, did and a token (password grant, fetched once). */
    record Merchant(String id, String did, String token) {
    }

    static Merchant merchant(boolean verified) {
        String admin = Gov.adminToken();
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        var created = MerchantAdminIT.create(admin, username, password, null).then().statusCode(201).extract();
        String id = created.path("id");
        if (verified) {
            MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + id + "/verification", null).then().statusCode(200);
        }
        return new Merchant(id, created.path("did"), Tokens.password(username, password));
    }

    /** A valid GTIN-14 nobody else draws: 13 random digits and the GS1 check digit. */
    static String gtin() {
        StringBuilder s = new StringBuilder("0");
        for (int i = 0; i < 12; i++) {
            s.append(RANDOM.nextInt(10));
        }
        return s.append(checkDigit(s.toString())).toString();
    }

    static int checkDigit(String first13) {
        int sum = 0;
        for (int i = 0; i < first13.length(); i++) {
            int d = first13.charAt(first13.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return (10 - sum % 10) % 10;
    }

    static Map<String, Object> product(String gtin, String name, String category, long cny) {
        return Map.of("gtin", gtin, "name", name, "description", name + ", made by a system test",
            "category", category, "mediaUrls", List.of("https://cdn.shop.example/" + gtin + ".jpg"), "stock", 10,
            "prices", List.of(Map.of("currency", "CNY", "amount", cny), Map.of("currency", "USD", "amount", cny / 7)));
    }

    static Response create(String token, Object body, String key) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
            .body(body).when().post("/api/v1/products");
    }

    static Response change(String token, String id, Object body, String key) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
            .body(body).when().post("/api/v1/products/" + id + "/versions");
    }
}
