package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Merchant identity administration end to end, with Keycloak checked through its own admin API: an admin
 * creates, verifies, suspends and reinstates a merchant; the merchant signs in with its password, writes, is
 * refused writes once suspended; its credential verifies, then fails on the status list; roles hold; and a
 * stopped Keycloak leaves no half-created merchant.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
class MerchantAdminIT {

    static final String PROBLEM = "application/problem+json";
    static final String KEY = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    @Test
    void adminCreatesVerifiesSuspendsAndReinstatesAMerchant() {
        String admin = Tokens.password("admin", "admin");
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        JsonPath created = create(admin, username, password, key).then().statusCode(201)
            .contentType(startsWith("application/json"))
            .body("status", equalTo("PENDING"))
            .body("did", startsWith("did:web:"))
            .body("keycloakUserId", notNullValue())
            .extract().jsonPath();
        String id = created.getString("id");
        String userId = created.getString("keycloakUserId");
        assertTrue(created.getString("did").endsWith(":merchants:" + id));
        // A retried request with the same Idempotency-Key returns the first merchant.
        assertEquals(id, create(admin, username, password, key).then().statusCode(201)
            .header("Idempotent-Replayed", "true").extract().path("id"));

        JsonPath user = keycloakUser(userId);
        assertTrue(user.getBoolean("enabled"));
        assertEquals(username, user.getString("username"));
        assertThatUserHasRoleMerchantAndGroup(userId, id);

        // The merchant signs in with its password and may write while not suspended.
        String merchant = Tokens.password(username, password);
        addOwnKey(merchant).then().statusCode(200).body("did", equalTo(created.getString("did")));

        JsonPath verified = post(admin, "/api/v1/admin/merchants/" + id + "/verification", null).then().statusCode(200)
            .body("status", equalTo("VERIFIED")).extract().jsonPath();
        String jwt = verified.getString("credentialJwt");
        assertTrue(CredentialsIT.verify(jwt).getBoolean("verified"));
        post(admin, "/api/v1/admin/merchants/" + id + "/verification", null).then().statusCode(409)
            .contentType(startsWith(PROBLEM));

        post(admin, "/api/v1/admin/merchants/" + id + "/suspension", Map.of("reason", "licence expired"))
            .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertFalse(keycloakUser(userId).getBoolean("enabled"));
        // The token issued before the suspension is refused for writes at once; reads still pass.
        addOwnKey(merchant).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2(merchant).get("/api/v1/me").then().statusCode(200);
        assertFalse(CredentialsIT.verify(jwt).getBoolean("verified"));
        // A disabled user cannot sign in any more.
        given().baseUri(PlatformExtension.settings().issuer()).contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "password").formParam("client_id", "copartner-cli")
            .formParam("username", username).formParam("password", password)
            .post("/protocol/openid-connect/token").then().statusCode(400);

        JsonPath reinstated = post(admin, "/api/v1/admin/merchants/" + id + "/reinstatement", null).then()
            .statusCode(200).body("status", equalTo("VERIFIED")).extract().jsonPath();
        assertTrue(keycloakUser(userId).getBoolean("enabled"));
        String fresh = reinstated.getString("credentialJwt");
        assertNotEquals(jwt, fresh);
        assertTrue(CredentialsIT.verify(fresh).getBoolean("verified"));
        assertFalse(CredentialsIT.verify(jwt).getBoolean("verified"));
        addOwnKey(Tokens.password(username, password)).then().statusCode(200);

        given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + id).then().statusCode(200)
            .body("status", equalTo("VERIFIED")).body("username", equalTo(username));
        given().auth().oauth2(admin).queryParam("q", username).get("/api/v1/admin/merchants").then().statusCode(200)
            .body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(admin).queryParam("status", "VERIFIED").queryParam("limit", 1)
            .get("/api/v1/admin/merchants").then().statusCode(200).body("items.size()", equalTo(1));
        JsonPath history = given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + id + "/history").then()
            .statusCode(200).extract().jsonPath();
        assertEquals(List.of("identity.merchant.created", "identity.merchant.verified", "identity.merchant.suspended",
            "identity.merchant.reinstated"), history.getList("type"));
        assertEquals(List.of("PENDING", "VERIFIED", "SUSPENDED", "VERIFIED"), history.getList("status"));
        String adminSub = JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(admin.split("\\.")[1])))
            .getString("sub");
        // One actor form everywhere: the admin's party id, in the history and in the audit entries.
        String party = "party:" + adminSub;
        assertEquals(List.of(party, party, party, party), history.getList("actor"));
        JsonPath createdEntry = Await.until(Duration.ofSeconds(30), () -> auditEntry("merchant:" + id,
            "identity.merchant.created"));
        assertEquals(party, JsonPath.from(createdEntry.getString("canonical")).getString("payload.actor"),
            createdEntry.getString("canonical"));
    }

    @Test
    void retriedActionsWithAnIdempotencyKeyAnswerAsTheFirstAndChangeNothing() {
        String admin = Tokens.password("admin", "admin");
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = create(admin, username, "pw-" + UUID.randomUUID(), null).then().statusCode(201)
            .extract().jsonPath();
        String id = created.getString("id");
        String userId = created.getString("keycloakUserId");
        String base = "/api/v1/admin/merchants/" + id;

        // verify: a retry with the key answers with the same credential; without a key a repeat is refused.
        String verifyKey = UUID.randomUUID().toString();
        JsonPath verified = keyed(admin, base + "/verification", verifyKey, null).then().statusCode(200)
            .body("status", equalTo("VERIFIED")).extract().jsonPath();
        JsonPath verifiedAgain = keyed(admin, base + "/verification", verifyKey, null).then().statusCode(200)
            .header("Idempotent-Replayed", "true").extract().jsonPath();
        assertEquals(verified.getMap("$"), verifiedAgain.getMap("$"));
        post(admin, base + "/verification", null).then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/conflict"));

        // suspend: the retry answers exactly as the first, and Keycloak, the merchant and the audit log see one step.
        String suspendKey = UUID.randomUUID().toString();
        String first = keyed(admin, base + "/suspension", suspendKey, Map.of("reason", "licence expired")).then()
            .statusCode(200).contentType(startsWith("application/json")).body("status", equalTo("SUSPENDED"))
            .extract().asString();
        String retried = keyed(admin, base + "/suspension", suspendKey, Map.of("reason", "licence expired")).then()
            .statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(JsonPath.from(first).getMap("$"), JsonPath.from(retried).getMap("$"));
        assertFalse(keycloakUser(userId).getBoolean("enabled"));
        JsonPath history = given().auth().oauth2(admin).get(base + "/history").then().statusCode(200)
            .extract().jsonPath();
        assertEquals(List.of("identity.merchant.created", "identity.merchant.verified", "identity.merchant.suspended"),
            history.getList("type"));
        assertEquals(3, Set.copyOf(history.getList("auditEntryId")).size(), "one audit entry per step");

        // The same key with another request: another reason, another action, another merchant.
        keyed(admin, base + "/suspension", suspendKey, Map.of("reason", "fraud")).then().statusCode(409)
            .contentType(startsWith(PROBLEM)).body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        keyed(admin, base + "/reinstatement", suspendKey, null).then().statusCode(409)
            .contentType(startsWith(PROBLEM)).body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        String other = create(admin, "shop-" + UUID.randomUUID().toString().substring(0, 8), null, null).then()
            .statusCode(201).extract().path("id");
        keyed(admin, "/api/v1/admin/merchants/" + other + "/suspension", suspendKey, Map.of("reason", "licence expired"))
            .then().statusCode(409).body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + other).then().statusCode(200)
            .body("status", equalTo("PENDING"));
        // Nothing of that changed the suspended merchant, Keycloak or the history.
        assertFalse(keycloakUser(userId).getBoolean("enabled"));
        assertEquals(3, given().auth().oauth2(admin).get(base + "/history").then().statusCode(200)
            .extract().jsonPath().getList("type").size());

        // reinstate: replayed with the fresh credential of the first answer, even after the state moved on.
        String reinstateKey = UUID.randomUUID().toString();
        JsonPath reinstated = keyed(admin, base + "/reinstatement", reinstateKey, null).then().statusCode(200)
            .body("status", equalTo("VERIFIED")).extract().jsonPath();
        assertNotEquals(verified.getString("credentialId"), reinstated.getString("credentialId"));
        assertTrue(keycloakUser(userId).getBoolean("enabled"));
        keyed(admin, base + "/suspension", UUID.randomUUID().toString(), Map.of("reason", "again")).then()
            .statusCode(200).body("status", equalTo("SUSPENDED"));
        JsonPath replayed = keyed(admin, base + "/reinstatement", reinstateKey, null).then().statusCode(200)
            .extract().jsonPath();
        assertEquals(reinstated.getMap("$"), replayed.getMap("$"));
        assertFalse(keycloakUser(userId).getBoolean("enabled"), "a replay does not touch Keycloak");
        assertEquals(List.of("identity.merchant.created", "identity.merchant.verified", "identity.merchant.suspended",
            "identity.merchant.reinstated", "identity.merchant.suspended"), given().auth().oauth2(admin)
            .get(base + "/history").then().statusCode(200).extract().jsonPath().getList("type"));

        // A body that is fine on its own: only the key is wrong.
        keyed(admin, base + "/suspension", "", Map.of("reason", "again")).then().statusCode(400)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"));
        keyed(admin, base + "/suspension", "two words", Map.of("reason", "again")).then().statusCode(400)
            .body("type", equalTo("https://copartner.io/problems/validation"));
    }

    @Test
    void theOpenApiDocumentsTheIdempotencyKeyAndShowsNoKeycloakApi() {
        JsonPath api = given().accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath();
        for (String action : List.of("verification", "suspension", "reinstatement")) {
            assertEquals(List.of("Idempotency-Key"), api.getList("paths.'/api/v1/admin/merchants/{id}/" + action
                + "'.post.parameters.findAll { it['in'] == 'header' }.name"), action);
        }
        Map<String, Object> paths = api.getMap("paths");
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/admin/realms")),
            "the admin client's resource interfaces are not part of the API: " + paths.keySet());
    }

    @Test
    void onlyAdminsAdministerMerchants() {
        String partner = Tokens.password("partner", "partner");
        given().auth().oauth2(partner).get("/api/v1/admin/merchants").then().statusCode(403)
            .contentType(startsWith(PROBLEM));
        create(partner, "shop-x", null, null).then().statusCode(403);
        given().get("/api/v1/admin/merchants").then().statusCode(401);
        given().contentType("application/json").body(Map.of("name", "x")).post("/api/v1/admin/merchants")
            .then().statusCode(401);
    }

    @Test
    void keycloakDownLeavesNoHalfCreatedMerchant() {
        String admin = Tokens.password("admin", "admin");
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        // Liberty has the realm's signing keys before Keycloak goes away, as it would in production.
        given().auth().oauth2(admin).get("/api/v1/admin/merchants").then().statusCode(200);
        Platform platform = PlatformExtension.platform();
        String auditor = Tokens.password("auditor", "auditor");
        String wallet = LedgerIT.openWallet();
        platform.stopKeycloak();
        try {
            create(admin, username, "secret-pw", UUID.randomUUID().toString()).then().statusCode(503)
                .contentType(startsWith(PROBLEM))
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://copartner.io/problems/unavailable"));
            // Tokens issued before the outage are checked with the keys Liberty already has: work goes on.
            given().auth().oauth2(auditor).get("/api/v1/ledger/accounts/" + wallet).then().statusCode(200);
            given().auth().oauth2(admin).get("/api/v1/admin/merchants").then().statusCode(200);
            // Signing in needs Keycloak itself: refused (nothing listens), never a token from elsewhere.
            assertThrows(Exception.class, () -> Tokens.fresh("partner", "partner"));
            given().get("/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        } finally {
            platform.startKeycloak();
        }
        given().auth().oauth2(Tokens.password("admin", "admin")).queryParam("q", username)
            .get("/api/v1/admin/merchants").then().statusCode(200).body("items.size()", equalTo(0));
        List<Object> users = keycloak().queryParam("username", username).queryParam("exact", true)
            .get("/users").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(users.isEmpty(), "no Keycloak user was left behind");
    }

    @Test
    void adminsSetAMerchantsRolesInKeycloakAndEachChangeIsAudited() {
        String admin = Tokens.password("admin", "admin");
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        JsonPath created = create(admin, username, password, null).then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String roles = "/api/v1/admin/merchants/" + id + "/roles";
        given().auth().oauth2(admin).get(roles).then().statusCode(200).body("roles", equalTo(List.of("merchant")));
        given().auth().oauth2(Tokens.password(username, password)).get("/api/v1/audit/self-check")
            .then().statusCode(403);

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("roles", List.of("merchant", "auditor")))
            .put(roles).then().statusCode(200).body("roles", equalTo(List.of("auditor", "merchant")));
        keycloak().get("/users/" + created.getString("keycloakUserId") + "/role-mappings/realm").then().statusCode(200)
            .body("name", hasItem("auditor"));
        // New tokens carry it: the merchant may now read what auditors read.
        String merchant = Tokens.fresh(username, password);
        assertTrue(DidSignInIT.payload(merchant).getList("groups").contains("auditor"));
        given().auth().oauth2(merchant).get("/api/v1/audit/self-check").then().statusCode(200);

        // The same roles again: nothing changes, nothing is recorded.
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("roles", List.of("auditor", "merchant")))
            .put(roles).then().statusCode(200);
        List<String> types = given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + id + "/history")
            .then().statusCode(200).extract().jsonPath().getList("type");
        assertEquals(1, types.stream().filter("identity.merchant.roles-changed"::equals).count(), types.toString());

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("roles", List.of("merchant")))
            .put(roles).then().statusCode(200).body("roles", equalTo(List.of("merchant")));
        assertFalse(DidSignInIT.payload(Tokens.fresh(username, password)).getList("groups").contains("auditor"));

        for (List<String> refused : List.of(List.of("auditor"), List.of("merchant", "admin"), List.of("merchant", "x"))) {
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("roles", refused))
                .put(roles).then().statusCode(400).contentType(startsWith(PROBLEM));
        }
        given().auth().oauth2(Tokens.password("partner", "partner")).get(roles).then().statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/admin/merchants/no-such-merchant/roles").then().statusCode(404);
        keycloak().get("/users/" + created.getString("keycloakUserId") + "/role-mappings/realm").then().statusCode(200)
            .body("name", not(hasItem("admin")));
    }

    /**
     * Liberty dies after the Keycloak steps of a create and before its commit (the test holds the merchant table in
     * SHARE mode, so the INSERT waits, then kills Liberty). The client's retry with the same Idempotency-Key then
     * adopts the Keycloak user and group the first attempt left, instead of a 409 on the username.
     */
    @Test
    void aCreateCutShortByACrashIsCompletedByItsRetry() throws Exception {
        String admin = Tokens.password("admin", "admin");
        String username = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Platform platform = PlatformExtension.platform();
        var settings = PlatformExtension.settings();
        CompletableFuture<Integer> first;
        try (Connection db = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                st.execute("lock table identity.merchant in share mode");
            }
            first = CompletableFuture.supplyAsync(() -> create(admin, username, "secret-pw", key).statusCode());
            String orphan = awaitKeycloakUserInAGroup(username, Duration.ofSeconds(60));
            assertFalse(first.isDone(), "the first attempt waits for the merchant table");
            platform.killLiberty();
            db.rollback();
            assertTrue(orphan != null);
        }
        try {
            first.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the connection died with Liberty, as a client would see it
        }
        platform.startLiberty();

        JsonPath created = create(Tokens.password("admin", "admin"), username, "secret-pw", key)
            .then().statusCode(201).extract().jsonPath();
        String merchantId = created.getString("id");
        List<Map<String, Object>> users = keycloak().queryParam("username", username).queryParam("exact", true)
            .get("/users").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, users.size(), "one Keycloak user, the one the first attempt made");
        assertEquals(users.get(0).get("id"), created.getString("keycloakUserId"));
        assertThatUserHasRoleMerchantAndGroup(created.getString("keycloakUserId"), merchantId);
        keycloak().get("/users/" + created.getString("keycloakUserId") + "/groups").then().statusCode(200)
            .body("size()", equalTo(1));
        given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + merchantId).then().statusCode(200)
            .body("status", equalTo(created.getString("status")));
        // The adopted user is no loophole: another request for the same username is still refused.
        create(Tokens.password("admin", "admin"), username, "secret-pw", UUID.randomUUID().toString())
            .then().statusCode(409);
    }

    /** The newest audit entry about {@code subject} of this type, or null (scans back from the latest checkpoint). */
    static JsonPath auditEntry(String subject, String type) {
        long size = given().accept("application/json").get("/api/v1/audit/checkpoint").then().statusCode(200)
            .extract().jsonPath().getLong("treeSize");
        for (long i = size - 1; i >= 0 && i >= size - 500; i--) {
            JsonPath e = given().get("/api/v1/audit/entries/" + i).then().statusCode(200).extract().jsonPath();
            String canonical = e.getString("canonical");
            if (canonical.contains("\"subject\":\"" + subject + "\"") && canonical.contains("\"type\":\"" + type + "\"")) {
                return e;
            }
        }
        return null;
    }

    /** Waits until Keycloak has a user of this name in a group (the create's last Keycloak step); its id. */
    static String awaitKeycloakUserInAGroup(String username, Duration timeout) {
        return Await.until(timeout, () -> {
            List<Map<String, Object>> users = keycloak().queryParam("username", username).queryParam("exact", true)
                .get("/users").then().statusCode(200).extract().jsonPath().getList("$");
            if (users.isEmpty()) {
                return null;
            }
            String id = users.get(0).get("id").toString();
            boolean inAGroup = !keycloak().get("/users/" + id + "/groups").then().statusCode(200).extract().jsonPath()
                .getList("$").isEmpty();
            return inAGroup ? id : null;
        });
    }

    static io.restassured.response.Response create(String token, String username, String password, String key) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", "Green Farm " + username,
            "businessLicence", "91310000MA1FL0001X", "contactEmail", username + "@shops.example", "username", username));
        if (password != null) {
            body.put("password", password);
        }
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/admin/merchants");
    }

    static io.restassured.response.Response post(String token, String path, Object body) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(path);
    }

    static io.restassured.response.Response keyed(String token, String path, String idempotencyKey, Object body) {
        var request = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key",
            idempotencyKey);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(path);
    }

    static io.restassured.response.Response addOwnKey(String merchantToken) {
        return given().auth().oauth2(merchantToken).contentType("application/json")
            .body(Map.of("publicKeyMultibase", KEY)).when().post("/api/v1/merchants/me/keys");
    }

    static io.restassured.specification.RequestSpecification keycloak() {
        String token = Tokens.clientCredentials("copartner-platform", "copartner-platform-dev-secret");
        return given().baseUri(PlatformExtension.settings().keycloakUrl()).basePath("/admin/realms/copartner")
            .auth().oauth2(token);
    }

    static JsonPath keycloakUser(String userId) {
        return keycloak().get("/users/" + userId).then().statusCode(200).extract().jsonPath();
    }

    static void assertThatUserHasRoleMerchantAndGroup(String userId, String merchantId) {
        keycloak().get("/users/" + userId + "/role-mappings/realm").then().statusCode(200)
            .body("name", hasItem("merchant"));
        keycloak().get("/users/" + userId + "/groups").then().statusCode(200)
            .body("path", hasItem("/merchants/" + merchantId));
    }
}
