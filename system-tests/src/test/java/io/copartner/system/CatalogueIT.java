package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue end to end: a verified merchant lists directly; a product in an approval category goes live only when
 * a PRODUCT_LISTING proposal naming it is executed; every change is a public version with its audit index; a
 * suspended merchant's products disappear; bad input gets its problem.
 */
@ExtendWith(PlatformExtension.class)
class CatalogueIT {

    @Test
    void aVerifiedMerchantListsChangesAndTheHistoryIsPublicWithAuditIndexes() {
        Shop.Merchant m = Shop.merchant(true);
        String gtin = Shop.gtin();
        String name = "Spring tea " + UUID.randomUUID().toString().substring(0, 6);
        String key = "it-product-" + UUID.randomUUID();
        Response created = Shop.create(m.token(), Shop.product(gtin, name, "tea", 6800), key);
        created.then().statusCode(201).body("status", equalTo("LIVE")).body("version", equalTo(1))
            .body("gtin", equalTo(gtin)).body("merchantId", equalTo(m.id())).body("merchantDid", equalTo(m.did()));
        String id = created.path("id");
        // A retry with the same key answers the first product and writes nothing.
        Shop.create(m.token(), Shop.product(gtin, name, "tea", 6800), key).then().statusCode(201)
            .header("Idempotent-Replayed", "true").body("id", equalTo(id));

        // A GTIN-13 is the same item as its zero-padded GTIN-14: taken.
        Gov.refused(Shop.create(m.token(), Shop.product(gtin.substring(1), "Copy", "tea", 100),
            "it-" + UUID.randomUUID()), 409);
        assertEquals("https://copartner.io/problems/gtin-taken", Shop.create(m.token(),
            Shop.product(gtin, "Copy", "tea", 100), "it-" + UUID.randomUUID()).jsonPath().getString("type"));
        String badGtin = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        Response bad = Shop.create(m.token(), Shop.product(badGtin, "Bad", "tea", 100), "it-" + UUID.randomUUID());
        Gov.refused(bad, 400);
        assertEquals("https://copartner.io/problems/gtin-invalid", bad.jsonPath().getString("type"));
        Gov.refused(Shop.create(m.token(), Map.of("gtin", Shop.gtin(), "name", "No price", "category", "tea",
            "stock", 1, "prices", List.of()), "it-" + UUID.randomUUID()), 400);
        Gov.refused(given().auth().oauth2(m.token()).contentType("application/json")
            .body(Shop.product(Shop.gtin(), "No key", "tea", 1)).post("/api/v1/products"), 400);

        // A new price and description: version 2; a stale baseVersion is refused; an empty change writes nothing.
        Shop.change(m.token(), id, Map.of("baseVersion", 1, "description", "Hand-picked.",
            "prices", List.of(Map.of("currency", "CNY", "amount", 6500))), "it-" + UUID.randomUUID())
            .then().statusCode(201).body("version", equalTo(2)).body("description", equalTo("Hand-picked."));
        Response stale = Shop.change(m.token(), id, Map.of("baseVersion", 1, "stock", 3), "it-" + UUID.randomUUID());
        Gov.refused(stale, 409);
        assertEquals("https://copartner.io/problems/version-conflict", stale.jsonPath().getString("type"));
        Shop.change(m.token(), id, Map.of("description", "Hand-picked."), "it-" + UUID.randomUUID())
            .then().statusCode(200).body("version", equalTo(2));
        // Another merchant may not change it.
        Shop.Merchant other = Shop.merchant(true);
        Gov.refused(Shop.change(other.token(), id, Map.of("stock", 1), "it-" + UUID.randomUUID()), 403);

        given().get("/api/v1/products/" + id).then().statusCode(200).body("version", equalTo(2))
            .body("prices[0].currency", equalTo("CNY")).body("prices[0].amount", equalTo(6500))
            .body("prices.size()", equalTo(1));
        JsonPath versions = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath v = given().get("/api/v1/products/" + id + "/versions").then().statusCode(200).extract().jsonPath();
            return v.getList("auditIndex").contains(null) ? null : v;
        });
        assertEquals(List.of(1, 2), versions.getList("version"));
        assertEquals(List.of("created"), versions.getList("changed[0]"));
        assertEquals(List.of("description", "prices"), versions.getList("changed[1]"));
        assertEquals(6800, versions.getInt("[0].prices[0].amount"), "the first version keeps its price");
        for (int i = 0; i < 2; i++) {
            long index = versions.getLong("[" + i + "].auditIndex");
            JsonPath entry = given().get("/api/v1/audit/entries/" + index).then().statusCode(200).extract().jsonPath();
            assertEquals(i == 0 ? "commerce.product.created" : "commerce.product.version-added", entry.getString("type"));
            JsonPath canonical = JsonPath.from(entry.getString("canonical"));
            assertEquals("product:" + id, canonical.getString("subject"));
            assertEquals(i + 1, canonical.getInt("payload.version"));
            assertEquals(i == 0 ? "6800" : "6500", canonical.getString("payload.prices.CNY"));
            assertEquals(64, canonical.getString("payload.contentSha256").length());
        }
    }

    @Test
    void browseFiltersByNameCategoryMerchantAndPriceWithCursorPagination() {
        Shop.Merchant m = Shop.merchant(true);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cheap = Shop.create(m.token(), Shop.product(Shop.gtin(), "Oolong " + tag, "tea", 1000),
            "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        String dear = Shop.create(m.token(), Shop.product(Shop.gtin(), "Pu-erh " + tag, "tea", 90000),
            "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        String honey = Shop.create(m.token(), Shop.product(Shop.gtin(), "Honey " + tag, "honey", 5000),
            "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");

        assertEquals(List.of(cheap, dear, honey), ids(Map.of("merchantId", m.id())));
        assertEquals(List.of(cheap, dear), ids(Map.of("merchantId", m.id(), "category", "tea")));
        assertEquals(List.of(dear), ids(Map.of("q", "PU-ERH " + tag)));
        assertEquals(List.of(cheap, honey), ids(Map.of("merchantId", m.id(), "currency", "CNY", "maxPrice", "5000")));
        assertEquals(List.of(honey), ids(Map.of("merchantId", m.id(), "currency", "CNY", "minPrice", "2000",
            "maxPrice", "5000")));
        assertEquals(List.of(), ids(Map.of("merchantId", m.id(), "currency", "EUR")));

        // Pages of one, following next.
        JsonPath first = page(Map.of("merchantId", m.id(), "limit", "1"));
        assertEquals(List.of(cheap), first.getList("items.id"));
        JsonPath second = page(Map.of("merchantId", m.id(), "limit", "1", "cursor", first.getString("next")));
        assertEquals(List.of(dear), second.getList("items.id"));
        JsonPath third = page(Map.of("merchantId", m.id(), "limit", "2", "cursor", second.getString("next")));
        assertEquals(List.of(honey), third.getList("items.id"));
        assertEquals(null, third.getString("next"));

        Gov.refused(given().queryParam("cursor", "not-a-cursor").get("/api/v1/products"), 400);
        Gov.refused(given().queryParam("minPrice", "10").get("/api/v1/products"), 400);
        Gov.refused(given().queryParam("limit", "0").get("/api/v1/products"), 400);
        Gov.refused(given().queryParam("currency", "XX").get("/api/v1/products"), 400);
        Gov.refused(given().get("/api/v1/products/" + UUID.randomUUID()), 404);
    }

    @Test
    void onlyVerifiedMerchantsListAndASuspendedMerchantsProductsAreHidden() {
        Shop.Merchant pending = Shop.merchant(false);
        Response refused = Shop.create(pending.token(), Shop.product(Shop.gtin(), "Too early", "tea", 100),
            "it-" + UUID.randomUUID());
        Gov.refused(refused, 403);
        assertEquals("https://copartner.io/problems/merchant-not-verified", refused.jsonPath().getString("type"));
        Gov.refused(Shop.create(Gov.partner(Type.ED25519).token(), Shop.product(Shop.gtin(), "Partner", "tea", 100),
            "it-" + UUID.randomUUID()), 403);
        Gov.refused(given().contentType("application/json").header("Idempotency-Key", "k")
            .body(Shop.product(Shop.gtin(), "Anonymous", "tea", 100)).post("/api/v1/products"), 401);

        Shop.Merchant m = Shop.merchant(true);
        String id = Shop.create(m.token(), Shop.product(Shop.gtin(), "Soon hidden", "tea", 100),
            "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        assertEquals(List.of(id), ids(Map.of("merchantId", m.id())));
        String admin = Gov.adminToken();
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + m.id() + "/suspension", Map.of("reason", "test"))
            .then().statusCode(200);
        assertEquals(List.of(), ids(Map.of("merchantId", m.id())));
        Gov.refused(given().get("/api/v1/products/" + id), 404);
        Gov.refused(given().get("/api/v1/products/" + id + "/versions"), 404);
        Gov.refused(Shop.change(m.token(), id, Map.of("stock", 1), "it-" + UUID.randomUUID()), 403);

        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + m.id() + "/reinstatement", null).then().statusCode(200);
        assertEquals(List.of(id), ids(Map.of("merchantId", m.id())));
        given().get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("LIVE"));
    }

    @Test
    void aProductInAnApprovalCategoryGoesLiveWhenItsListingProposalIsExecuted() {
        // Members first: the weight snapshot is taken when voting starts. The quorum counts every member, and the
        // suite's earlier classes made many: enough new voters to reach it, whatever ran before.
        List<Partner> voters = new ArrayList<>();
        for (int i = votersForQuorum(); i > 0; i--) {
            voters.add(Gov.partner(i % 2 == 0 ? Type.ED25519 : Type.SECP256K1));
        }
        Shop.Merchant m = Shop.merchant(true);
        Response created = Shop.create(m.token(), Shop.product(Shop.gtin(), "Rice wine", "alcohol", 12000),
            "it-" + UUID.randomUUID());
        created.then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL")).body("listedAt", nullValue());
        String id = created.path("id");
        assertFalse(ids(Map.of("merchantId", m.id())).contains(id), "not browsable before approval");
        given().get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));

        // The merchant proposes its own listing; the members vote for it; after the timelock it is executed.
        String proposal = given().auth().oauth2(m.token()).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID())
            .body(Map.of("kind", "PRODUCT_LISTING", "title", "List the rice wine", "productRef", id))
            .post("/api/v1/governance/proposals").then().statusCode(201)
            .body("merchantDid", equalTo(m.did())).extract().path("id");
        Gov.awaitState(proposal, "ACTIVE", 30);
        for (Partner p : voters) {
            Gov.vote(p, proposal, "for", null);
        }
        Gov.awaitFinalTally(proposal);
        Gov.awaitState(proposal, "SUCCEEDED", 15);
        String queued = given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .post("/api/v1/governance/proposals/" + proposal + "/queue").then().statusCode(200)
            .extract().path("state");
        assertEquals("QUEUED", queued);
        JsonPath executed = Gov.awaitState(proposal, "EXECUTED", 30); // the scheduler executes at the eta

        JsonPath listed = given().get("/api/v1/products/" + id).then().statusCode(200)
            .body("status", equalTo("LIVE")).body("listingProposal", equalTo(proposal)).extract().jsonPath();
        assertNotNull(listed.getString("listedAt"));
        assertEquals(java.time.Instant.parse(executed.getString("executedAt")),
            java.time.Instant.parse(listed.getString("listedAt")));
        assertTrue(ids(Map.of("merchantId", m.id())).contains(id), "browsable once listed");
    }

    /**
     * How many new one-vote members reach the quorum together: a probe proposal's snapshot counts the N members
     * now; n new voters need n × 10000 ≥ (N + n) × quorumBps, plus a margin for members who join meanwhile.
     */
    static int votersForQuorum() {
        String probe = Gov.proposeGeneral("Quorum probe for the listing scenario");
        JsonPath active = Gov.awaitState(probe, "ACTIVE", 30);
        int quorumBps = active.getInt("quorumBps");
        int members = given().get(Gov.BASE + "/proposals/" + probe + "/weights").then().statusCode(200)
            .extract().jsonPath().getList("voters").size();
        int needed = (int) Math.ceil(members * (double) quorumBps / (10_000 - quorumBps));
        return Math.max(3, needed + 2 + members / 50);
    }

    static JsonPath page(Map<String, String> query) {
        return given().queryParams(query).get("/api/v1/products").then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(Map<String, String> query) {
        return page(query).getList("items.id");
    }
}
