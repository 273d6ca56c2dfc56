package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.launcher.PlatformSettings;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consented recommendations, black-box (issue 12 item 7): off by default and refused without consent; granting builds
 * the profile from earlier orders; co-purchases count only consenting partners and need two of them; each item says
 * why; new orders and cancellations keep the profile in step; withdrawing deletes the profile (checked in the
 * database) and takes the partner out of everyone's co-purchases; every change is one audit entry.
 */
@ExtendWith(PlatformExtension.class)
class RecommendationsIT {

    static final long PRICE = 1000;

    @Test
    void consentIsOffByDefaultAndRecommendationsAreRefusedWithoutIt() {
        Partner p = Buy.fundedPartner(0);
        JsonPath c = consents(p);
        assertFalse(c.getBoolean("recommendations"));
        assertNull(c.get("updatedAt"));
        assertNull(c.get("auditEntryId"));
        Buy.refused(given().auth().oauth2(p.token()).get("/api/v1/me/recommendations"), 403, "consent-required");

        Buy.refused(put(p, "{\"marketing\":true}"), 400, "validation");
        Buy.refused(put(p, "{\"recommendations\":\"yes\"}"), 400, "validation");
        Buy.refused(put(p, "{}"), 400, "validation");
        Buy.refused(put(p, "[true]"), 400, "malformed-request");
        Shop.Merchant m = Shop.merchant(true);
        Buy.refused(given().auth().oauth2(m.token()).get("/api/v1/me/consents"), 403, "forbidden");
        assertFalse(consents(p).getBoolean("recommendations"), "nothing changed by the refused requests");

        put(p, "{\"recommendations\":true}").then().statusCode(200).body("recommendations", equalTo(true));
        Buy.refused(given().auth().oauth2(p.token()).queryParam("limit", 51).get("/api/v1/me/recommendations"), 400,
            "validation");
        JsonPath empty = recommendations(p);
        assertEquals(0, empty.getList("items").size(), "nothing bought, nothing derived");
        assertEquals(0, empty.getInt("basedOn"));
    }

    @Test
    void coPurchasesOfConsentingPartnersExplainWhyAndWithdrawalDeletesTheProfile() throws Exception {
        Shop.Merchant m = Shop.merchant(true);
        Shop.Merchant other = Shop.merchant(true);
        String teapot = product(m, "Celadon teapot");
        String tea = product(m, "Longjing tea");
        String cups = product(m, "Tea cups");
        String honey = product(other, "Mountain honey");

        Partner viewer = Buy.fundedPartner(20 * PRICE);
        Partner p1 = Buy.fundedPartner(10 * PRICE);
        Partner p2 = Buy.fundedPartner(10 * PRICE);
        Partner p3 = Buy.fundedPartner(10 * PRICE);
        // The viewer bought before consenting: granting must find it.
        buy(viewer, teapot);
        for (Partner p : List.of(p1, p2)) {
            grant(p);
            buy(p, teapot);
            buy(p, tea);
        }
        buy(p1, honey);
        buy(p3, teapot); // p3 has not consented: its honey must count for nobody
        buy(p3, honey);

        JsonPath granted = grant(viewer);
        assertEquals(1, granted.getInt("profileSize"), "the earlier order is in the profile");
        JsonNode entry = auditEntry(granted.getLong("auditEntryId"));
        assertEquals("economy.consent", entry.get("type").asText());
        assertEquals(party(viewer), entry.get("payload").get("party").asText());
        assertTrue(entry.get("payload").get("granted").asBoolean());
        assertEquals(1, entry.get("payload").get("profileProductsBuilt").asInt());

        Map<String, Map<String, Object>> items = byProduct(recommendations(viewer));
        assertEquals(1, recommendations(viewer).getInt("basedOn"));
        Map<String, Object> first = recommendations(viewer).getMap("items[0]");
        assertEquals(tea, first.get("productId"), "the co-purchase ranks first");
        assertEquals("CO_PURCHASED", first.get("reason"));
        assertEquals(teapot, first.get("becauseProductId"));
        assertEquals("Celadon teapot", first.get("becauseName"));
        assertEquals(2, first.get("coBuyers"));
        assertTrue(((String) first.get("explanation")).contains("Because you bought Celadon teapot"));
        assertEquals("SAME_MERCHANT", items.get(cups).get("reason"), "more from the teapot's merchant");
        assertEquals(teapot, items.get(cups).get("becauseProductId"));
        assertFalse(items.containsKey(teapot), "never what the viewer bought");
        assertFalse(items.containsKey(honey), "one consenting co-buyer is not enough, the other did not consent");

        // p3 consents: its honey now counts, two consenting partners bought it with the teapot.
        grant(p3);
        Map<String, Object> honeyItem = byProduct(recommendations(viewer)).get(honey);
        assertNotNull(honeyItem, "honey after p3's consent");
        assertEquals("CO_PURCHASED", honeyItem.get("reason"));
        assertEquals(2, honeyItem.get("coBuyers"));

        // p2 withdraws: its profile is deleted and its purchases leave everyone's co-purchases.
        JsonPath withdrawn = put(p2, "{\"recommendations\":false}").then().statusCode(200).extract().jsonPath();
        assertFalse(withdrawn.getBoolean("recommendations"));
        assertEquals(0, withdrawn.getInt("profileSize"));
        assertEquals(0, profileRows(p2), "no row of the derived profile is left");
        JsonNode off = auditEntry(withdrawn.getLong("auditEntryId"));
        assertFalse(off.get("payload").get("granted").asBoolean());
        assertEquals(2, off.get("payload").get("profileProductsDeleted").asInt());
        assertEquals("SAME_MERCHANT", byProduct(recommendations(viewer)).get(tea).get("reason"),
            "one co-buyer left for the tea: shown only as the merchant's product");
        Buy.refused(given().auth().oauth2(p2.token()).get("/api/v1/me/recommendations"), 403, "consent-required");
        // Setting what is set records nothing.
        JsonPath again = put(p2, "{\"recommendations\":false}").then().statusCode(200).extract().jsonPath();
        assertEquals(withdrawn.getLong("auditEntryId"), again.getLong("auditEntryId"));

        // The viewer's own new orders enter the profile; a cancelled one leaves it.
        buy(viewer, tea);
        assertEquals(2, consents(viewer).getInt("profileSize"));
        assertFalse(byProduct(recommendations(viewer)).containsKey(tea));
        String order = buy(viewer, cups);
        assertEquals(3, consents(viewer).getInt("profileSize"));
        Buy.step(viewer.token(), order, "cancellation", Map.of("reason", "changed my mind")).then().statusCode(200);
        assertEquals(2, consents(viewer).getInt("profileSize"), "the cancelled order left the profile");
        assertTrue(byProduct(recommendations(viewer)).containsKey(cups));
    }

    static String product(Shop.Merchant m, String name) {
        Map<String, Object> body = new HashMap<>(Shop.product(Shop.gtin(), name, "tea", PRICE));
        body.put("stock", 50);
        return Shop.create(m.token(), body, "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
    }

    static String buy(Partner p, String product) {
        return Buy.checkout(p.token(), "it-" + UUID.randomUUID(), product, 1).then().statusCode(201).extract()
            .path("orders[0].id");
    }

    static JsonPath grant(Partner p) {
        return put(p, "{\"recommendations\":true}").then().statusCode(200).body("recommendations", equalTo(true))
            .extract().jsonPath();
    }

    static Response put(Partner p, String body) {
        return given().auth().oauth2(p.token()).contentType("application/json").body(body).put("/api/v1/me/consents");
    }

    static JsonPath consents(Partner p) {
        return given().auth().oauth2(p.token()).get("/api/v1/me/consents").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath recommendations(Partner p) {
        return given().auth().oauth2(p.token()).get("/api/v1/me/recommendations").then().statusCode(200).extract()
            .jsonPath();
    }

    static Map<String, Map<String, Object>> byProduct(JsonPath list) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> i : list.<Map<String, Object>>getList("items")) {
            out.put((String) i.get("productId"), i);
        }
        return out;
    }

    /** The partner's party id as the platform names it ({@code party:<token sub>}). */
    static String party(Partner p) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(p.token().split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
        return "party:" + JsonPath.from(claims).getString("sub");
    }

    static JsonNode auditEntry(long entryId) {
        long index = Await.until(Duration.ofSeconds(20), () -> {
            Response r = given().get("/api/v1/audit/entries/by-entry-id/" + entryId);
            return r.statusCode() == 200 ? r.jsonPath().getLong("index") : null;
        });
        return GovernanceAudit.entry(index);
    }

    static int profileRows(Partner p) throws Exception {
        PlatformSettings s = PlatformExtension.settings();
        try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
             PreparedStatement ps = c.prepareStatement("select count(*) from economy.reco_purchase where party = ?")) {
            ps.setString(1, party(p));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
