package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The double-entry ledger, black-box: accounts, posting, idempotency, overdraw, concurrency, reversal, access. */
@ExtendWith(PlatformExtension.class)
class LedgerIT {

    static final String PROBLEM = "application/problem+json";
    static final String FUNDING_CNY = "00000000-0000-7000-8000-000000000003";

    static String partnerSubject;

    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

    /** A token per demo user, refreshed well before Keycloak's 5-minute lifespan runs out. */
    static String token(String user) {
        String[] cached = TOKENS.get(user);
        if (cached == null || Instant.parse(cached[1]).isBefore(Instant.now())) {
            cached = new String[] {Tokens.password(user, user), Instant.now().plusSeconds(180).toString()};
            TOKENS.put(user, cached);
        }
        return cached[0];
    }

    @BeforeAll
    static void whoIsThePartner() {
        partnerSubject = given().auth().oauth2(token("partner")).when().get("/api/v1/me")
            .then().statusCode(200).extract().path("subject");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static String openWallet(String owner, String asset) {
        return given().auth().oauth2(token("admin")).contentType("application/json")
            .body("{\"owner\":\"" + owner + "\",\"asset\":\"" + asset + "\",\"kind\":\"WALLET\",\"name\":\"test wallet\"}")
            .when().post("/api/v1/ledger/accounts")
            .then().statusCode(201)
            .header("Location", notNullValue())
            .body("balance", equalTo(0))
            .body("mayGoNegative", equalTo(false))
            .extract().path("id");
    }

    static String openWallet() {
        return openWallet("party:it-" + UUID.randomUUID(), "CNY");
    }

    static String body(String memo, Object... accountAmountPairs) {
        StringBuilder postings = new StringBuilder();
        for (int i = 0; i < accountAmountPairs.length; i += 2) {
            if (i > 0) {
                postings.append(',');
            }
            postings.append("{\"accountId\":\"").append(accountAmountPairs[i]).append("\",\"asset\":\"CNY\",\"amount\":")
                .append(accountAmountPairs[i + 1]).append('}');
        }
        return "{\"memo\":\"" + memo + "\",\"postings\":[" + postings + "]}";
    }

    static Response post(String key, String body) {
        return given().auth().oauth2(token("admin")).contentType("application/json")
            .header("Idempotency-Key", key).body(body)
            .when().post("/api/v1/ledger/entries");
    }

    static String transfer(String from, String to, long amount) {
        return post(UUID.randomUUID().toString(), body("transfer", from, -amount, to, amount))
            .then().statusCode(201).extract().path("id");
    }

    static String fund(String wallet, long amount) {
        return transfer(FUNDING_CNY, wallet, amount);
    }

    static long balance(String account) {
        return given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/accounts/" + account)
            .then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    static long balanceAsOf(String account, Instant asOf) {
        return given().auth().oauth2(token("auditor")).queryParam("asOf", asOf.toString())
            .when().get("/api/v1/ledger/accounts/" + account)
            .then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    static void assertTrialBalance() {
        JsonPath tb = given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/trial-balance")
            .then().statusCode(200).extract().jsonPath();
        assertTrue(tb.getBoolean("balanced"), "trial balance: " + tb.prettify());
        assertEquals(0L, tb.getLong("mismatchedAccounts"));
        for (Map<String, Object> asset : tb.<Map<String, Object>>getList("assets")) {
            assertEquals(0L, ((Number) asset.get("balanceSum")).longValue(), "sum of balances of " + asset);
            assertEquals(0L, ((Number) asset.get("postingSum")).longValue(), "sum of postings of " + asset);
        }
    }

    // --- scenarios -----------------------------------------------------------------------------------------------

    @Test
    void theChartOfAccountsHoldsThePlatformSystemAccounts() {
        for (String code : List.of("PLATFORM_FEE:CNY", "PLATFORM_FEE:USD", "EXTERNAL_FUNDING:CNY", "EXTERNAL_FUNDING:USD")) {
            given().auth().oauth2(token("auditor")).queryParam("code", code)
                .when().get("/api/v1/ledger/accounts")
                .then().statusCode(200)
                .body("[0].code", equalTo(code))
                .body("[0].owner", equalTo("party:platform"))
                .body("[0].mayGoNegative", equalTo(code.startsWith("EXTERNAL_FUNDING")));
        }
        given().auth().oauth2(token("auditor")).queryParam("owner", "party:platform")
            .when().get("/api/v1/ledger/accounts")
            .then().statusCode(200).body("code", hasItem("EXTERNAL_FUNDING:CNY"));
    }

    @Test
    void openPostReadBalancesAndPageThroughTheStatement() {
        String a = openWallet();
        String b = openWallet();
        fund(a, 10_000);
        for (int i = 1; i <= 5; i++) {
            transfer(a, b, 100L * i);
        }
        assertEquals(10_000 - 1_500, balance(a));
        assertEquals(1_500, balance(b));
        given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/accounts/" + a)
            .then().statusCode(200).body("balanceDecimal", equalTo("85.00")).body("asset", equalTo("CNY"));

        List<Long> amounts = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token("auditor")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/ledger/accounts/" + b + "/statement")
                .then().statusCode(200).extract().jsonPath();
            assertTrue(page.getList("items").size() <= 2);
            amounts.addAll(page.getList("items.amount", Long.class));
            after.addAll(page.getList("items.balanceAfter", Long.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L), amounts);
        assertEquals(List.of(100L, 300L, 600L, 1_000L, 1_500L), after);

        given().auth().oauth2(token("auditor")).queryParam("cursor", "not-a-cursor")
            .when().get("/api/v1/ledger/accounts/" + b + "/statement")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().auth().oauth2(token("auditor")).queryParam("limit", 0)
            .when().get("/api/v1/ledger/accounts/" + b + "/statement")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        assertTrialBalance();
    }

    @Test
    void aRepeatedIdempotencyKeyPostsOnce() {
        String a = openWallet();
        String key = "it-topup-" + UUID.randomUUID();
        String body = body("top-up", FUNDING_CNY, -2_500, a, 2_500);
        String first = post(key, body).then().statusCode(201).extract().path("id");
        assertEquals(2_500, balance(a));

        Response retry = post(key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(2_500, balance(a), "the retry wrote nothing");

        post(key, body("top-up", FUNDING_CNY, -2_600, a, 2_600))
            .then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        assertEquals(2_500, balance(a));
    }

    @Test
    void concurrentRetriesWithOneKeyPostOnce() throws Exception {
        String a = openWallet();
        String key = "it-race-" + UUID.randomUUID();
        String body = body("racing retries", FUNDING_CNY, -700, a, 700);
        List<HttpResponse<String>> responses = parallel(8, 1, (t, i) -> key, (t, i) -> body);
        for (HttpResponse<String> r : responses) {
            assertEquals(201, r.statusCode(), r.body());
        }
        assertEquals(1, responses.stream().map(r -> JsonPath.from(r.body()).getString("id")).distinct().count());
        assertEquals(7, responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed")
            .filter("true"::equals).isPresent()).count(), "one executes, the seven others replay its answer");
        assertEquals(700, balance(a));
    }

    /** A key names one request of one caller for one operation; member order and whitespace do not matter. */
    @Test
    void aKeyReusedByAnotherOperationOrCallerIsAConflict() {
        String a = openWallet();
        String key = "it-scope-" + UUID.randomUUID();
        String body = body("top-up", FUNDING_CNY, -300, a, 300);
        String entry = post(key, body).then().statusCode(201).extract().path("id");
        String reordered = "{ \"postings\" : [ {\"amount\":-300, \"asset\":\"CNY\", \"accountId\":\"" + FUNDING_CNY
            + "\"},\n {\"asset\":\"CNY\",\"accountId\":\"" + a + "\",\"amount\":300} ],\t\"memo\" : \"top-up\" }";
        post(key, reordered).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(entry));

        reverse(entry, key).then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        // Another admin (the platform's service account) with the same key and body.
        given().auth().oauth2(Tokens.clientCredentials("copartner-platform", "copartner-platform-dev-secret"))
            .contentType("application/json").header("Idempotency-Key", key).body(body)
            .when().post("/api/v1/ledger/entries")
            .then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        assertEquals(300, balance(a), "nothing but the first post was written");
    }

    @Test
    void anOwnerThatIsNoPartyIdOrDidIsAValidationProblem() {
        for (String owner : List.of("party:has space", "party:", "admin-sub-without-prefix")) {
            given().auth().oauth2(token("auditor")).queryParam("owner", owner)
                .when().get("/api/v1/ledger/accounts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://copartner.io/problems/validation"));
            given().auth().oauth2(token("admin")).contentType("application/json")
                .body("{\"owner\":\"" + owner + "\",\"asset\":\"CNY\",\"kind\":\"WALLET\"}")
                .when().post("/api/v1/ledger/accounts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://copartner.io/problems/validation"));
        }
    }

    @Test
    void aKeyOutsideVisibleAsciiOrLongerThan200IsAValidationProblem() {
        String a = openWallet();
        for (String key : List.of("", "has space", "x".repeat(201))) {
            post(key, body("bad key", FUNDING_CNY, -1, a, 1)).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://copartner.io/problems/validation"));
        }
        post("!" + "~".repeat(199), body("edge key", FUNDING_CNY, -1, a, 1)).then().statusCode(201);
        assertEquals(1, balance(a));
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        given().auth().oauth2(token("admin")).contentType("application/json")
            .body(body("no key", FUNDING_CNY, -1, openWallet(), 1))
            .when().post("/api/v1/ledger/entries")
            .then().statusCode(400).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"));
    }

    @Test
    void rulebreakingEntriesAre400Problems() {
        String a = openWallet();
        post(UUID.randomUUID().toString(), body("unbalanced", FUNDING_CNY, -100, a, 99))
            .then().statusCode(400).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"))
            .body("detail", startsWith("postings in CNY do not balance"));
        post(UUID.randomUUID().toString(), body("one posting", a, 0))
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        post(UUID.randomUUID().toString(), body("zero", FUNDING_CNY, 0, a, 0))
            .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", startsWith("postings[0]"));
        post(UUID.randomUUID().toString(), body("unknown account", FUNDING_CNY, -5, UUID.randomUUID(), 5))
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        String usd = openWallet("party:it-" + UUID.randomUUID(), "USD");
        post(UUID.randomUUID().toString(), body("asset mismatch", FUNDING_CNY, -5, usd, 5))
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        post(UUID.randomUUID().toString(), "{\"postings\": [")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        assertEquals(0, balance(a));
        assertEquals(0, balance(usd));
    }

    @Test
    void overdrawingAWalletIs409AndWritesNothing() {
        String a = openWallet();
        String b = openWallet();
        fund(a, 100);
        post(UUID.randomUUID().toString(), body("too much", a, -101, b, 101))
            .then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/insufficient-funds"))
            .body("accountId", equalTo(a));
        assertEquals(100, balance(a));
        assertEquals(0, balance(b));
        given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/accounts/" + b + "/statement")
            .then().statusCode(200).body("items.size()", equalTo(0));
        // Spending exactly everything is fine.
        transfer(a, b, 100);
        assertEquals(0, balance(a));
        assertTrialBalance();
    }

    @Test
    void concurrentTransfersDrainAWalletExactlyAndNeverBelowZero() throws Exception {
        String source = openWallet();
        List<String> sinks = List.of(openWallet(), openWallet(), openWallet(), openWallet());
        fund(source, 10_000);
        int threads = 16;
        int perThread = 25;
        long amount = 30;

        long started = System.nanoTime();
        List<HttpResponse<String>> responses = parallel(threads, perThread,
            (t, i) -> "drain-" + source + "-" + t + "-" + i,
            (t, i) -> body("drain", source, -amount, sinks.get((t + i) % sinks.size()), amount));
        long millis = (System.nanoTime() - started) / 1_000_000;

        int accepted = 0;
        int refused = 0;
        for (HttpResponse<String> r : responses) {
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                assertEquals(409, r.statusCode(), r.body());
                assertEquals("https://copartner.io/problems/insufficient-funds", JsonPath.from(r.body()).getString("type"));
                refused++;
            }
        }
        System.out.printf("ledger drain: %d transfers by %d threads in %d ms (%.0f/s), %d accepted, %d refused%n",
            threads * perThread, threads, millis, threads * perThread * 1000.0 / millis, accepted, refused);
        assertEquals(10_000 / amount, accepted, "as many transfers as the funds allow");
        assertEquals(threads * perThread - accepted, refused);
        assertEquals(10_000 % amount, balance(source));
        assertEquals(accepted * amount, sinks.stream().mapToLong(LedgerIT::balance).sum());

        // The source's statement never shows a negative balance and ends at the final balance.
        List<Long> after = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token("auditor")).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/ledger/accounts/" + source + "/statement")
                .then().statusCode(200).extract().jsonPath();
            after.addAll(page.getList("items.balanceAfter", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(accepted + 1, after.size());
        assertTrue(after.stream().allMatch(b -> b >= 0));
        assertEquals(10_000 % amount, after.get(after.size() - 1));
        assertTrialBalance();
    }

    @Test
    void opposingConcurrentTransfersDoNotDeadlock() throws Exception {
        String a = openWallet();
        String b = openWallet();
        fund(a, 5_000);
        fund(b, 5_000);
        long started = System.nanoTime();
        List<HttpResponse<String>> responses = parallel(16, 15,
            (t, i) -> "pingpong-" + a + "-" + t + "-" + i,
            (t, i) -> t % 2 == 0 ? body("a to b", a, -7, b, 7) : body("b to a", b, -7, a, 7));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("ledger ping-pong: %d opposing transfers by 16 threads in %d ms (%.0f/s)%n",
            responses.size(), millis, responses.size() * 1000.0 / millis);
        for (HttpResponse<String> r : responses) {
            assertEquals(201, r.statusCode(), r.body());
        }
        assertEquals(5_000, balance(a));
        assertEquals(5_000, balance(b));
        assertTrialBalance();
    }

    @Test
    void aReversalRestoresBalancesAndCannotBeRepeated() {
        String a = openWallet();
        String b = openWallet();
        fund(a, 1_000);
        String entry = transfer(a, b, 400);
        assertEquals(600, balance(a));

        String key = "reverse-" + entry;
        String reversal = reverse(entry, key).then().statusCode(201)
            .body("kind", equalTo("REVERSAL"))
            .body("reverses", equalTo(entry))
            .body("postings.find { it.accountId == '" + a + "' }.amount", equalTo(400))
            .extract().path("id");
        assertEquals(1_000, balance(a));
        assertEquals(0, balance(b));

        reverse(entry, key).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(reversal));
        reverse(entry, "another-" + entry).then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/conflict"));
        reverse(reversal, UUID.randomUUID().toString()).then().statusCode(409).contentType(startsWith(PROBLEM));
        reverse(UUID.randomUUID().toString(), UUID.randomUUID().toString()).then().statusCode(404);
        assertEquals(1_000, balance(a));

        given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/entries/" + entry)
            .then().statusCode(200).body("reversedBy", equalTo(reversal));
        assertTrialBalance();
    }

    @Test
    void aReversalThatWouldOverdrawIsRefused() {
        String a = openWallet();
        String b = openWallet();
        fund(a, 500);
        String entry = transfer(a, b, 500);
        transfer(b, a, 200); // b spent part of what it received
        reverse(entry, UUID.randomUUID().toString()).then().statusCode(409)
            .body("type", equalTo("https://copartner.io/problems/insufficient-funds"));
        assertEquals(200, balance(a));
        assertEquals(300, balance(b));
    }

    static Response reverse(String entry, String key) {
        return given().auth().oauth2(token("admin")).contentType("application/json").header("Idempotency-Key", key)
            .body("{\"memo\":\"correction\"}")
            .when().post("/api/v1/ledger/entries/" + entry + "/reversal");
    }

    @Test
    void aBalanceAsOfBeforeAPostShowsTheOldValue() {
        String a = openWallet();
        fund(a, 300);
        String postedAt = post(UUID.randomUUID().toString(), body("second", FUNDING_CNY, -200, a, 200))
            .then().statusCode(201).extract().path("postedAt");
        Instant t = Instant.parse(postedAt);
        assertEquals(300, balanceAsOf(a, t.minusNanos(1_000)));
        assertEquals(500, balanceAsOf(a, t));
        assertEquals(0, balanceAsOf(a, Instant.parse("2000-01-01T00:00:00Z")));
        given().auth().oauth2(token("auditor")).queryParam("asOf", "yesterday")
            .when().get("/api/v1/ledger/accounts/" + a)
            .then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    @Test
    void anEntryCarriesItsAuditReceipt() {
        String a = openWallet();
        String entry = fund(a, 42);
        JsonPath e = given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/entries/" + entry)
            .then().statusCode(200)
            .body("kind", equalTo("STANDARD"))
            .body("postings.size()", equalTo(2))
            .body("audit.entryId", greaterThan(0))
            .extract().jsonPath();
        // The sequencer integrates within a tick: the receipt then names the leaf and links its proof.
        JsonPath receipt = Await.until(java.time.Duration.ofSeconds(10), () -> {
            JsonPath r = given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/entries/" + entry)
                .then().statusCode(200).extract().jsonPath();
            return r.get("audit.leafIndex") == null ? null : r;
        });
        long leaf = receipt.getLong("audit.leafIndex");
        assertEquals("/api/v1/audit/proofs/inclusion?index=" + leaf + "&treeSize=" + receipt.get("audit.treeSize"),
            receipt.getString("audit.inclusionProof"));
        given().when().get(receipt.getString("audit.inclusionProof")).then().statusCode(200)
            .body("leafIndex", equalTo((int) leaf));
        // The leaf is this entry, and it is in the signed tree.
        JsonPath auditEntry = given().when().get("/api/v1/audit/entries/" + leaf).then().statusCode(200)
            .extract().jsonPath();
        assertTrue(auditEntry.getString("canonical").contains(entry), auditEntry.getString("canonical"));
        JsonPath cp = AuditLogIT.awaitCheckpoint(leaf + 1);
        java.util.List<String> path = given().queryParam("index", leaf).queryParam("treeSize", cp.getLong("treeSize"))
            .when().get("/api/v1/audit/proofs/inclusion").then().statusCode(200).extract().jsonPath().getList("hashes");
        byte[] leafHash = java.util.HexFormat.of().parseHex(auditEntry.getString("leafHash"));
        assertEquals(cp.getString("rootHash"), java.util.HexFormat.of().formatHex(
            AuditLogIT.rootFromInclusion(leaf, cp.getLong("treeSize"), leafHash, path)));
        given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/entries/" + UUID.randomUUID())
            .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void partnersReadOnlyTheirOwnAccountsAndCannotWrite() {
        String mine = openWallet("party:" + partnerSubject, "CNY");
        String theirs = openWallet();
        String entry = transfer(FUNDING_CNY, mine, 250);
        String foreignEntry = fund(theirs, 1);

        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/accounts/" + mine)
            .then().statusCode(200).body("balance", equalTo(250));
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/accounts")
            .then().statusCode(200).body("id", hasItem(mine));
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/accounts/" + mine + "/statement")
            .then().statusCode(200).body("items[0].amount", equalTo(250));
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/entries/" + entry)
            .then().statusCode(200);

        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/accounts/" + theirs)
            .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/accounts/" + theirs + "/statement")
            .then().statusCode(404);
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/entries/" + foreignEntry)
            .then().statusCode(404);
        given().auth().oauth2(token("partner")).queryParam("owner", "party:platform")
            .when().get("/api/v1/ledger/accounts").then().statusCode(403);
        given().auth().oauth2(token("merchant")).when().get("/api/v1/ledger/accounts/" + mine)
            .then().statusCode(404);
        given().auth().oauth2(token("auditor")).when().get("/api/v1/ledger/accounts/" + mine)
            .then().statusCode(200);

        given().auth().oauth2(token("partner")).contentType("application/json").header("Idempotency-Key", "p-1")
            .body(body("steal", FUNDING_CNY, -1, mine, 1))
            .when().post("/api/v1/ledger/entries")
            .then().statusCode(403).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/forbidden"));
        given().auth().oauth2(token("auditor")).contentType("application/json").header("Idempotency-Key", "a-1")
            .body(body("audit is read-only", FUNDING_CNY, -1, mine, 1))
            .when().post("/api/v1/ledger/entries")
            .then().statusCode(403);
        given().auth().oauth2(token("partner")).contentType("application/json")
            .body("{\"owner\":\"party:" + partnerSubject + "\",\"asset\":\"CNY\",\"kind\":\"WALLET\"}")
            .when().post("/api/v1/ledger/accounts")
            .then().statusCode(403);
        given().auth().oauth2(token("partner")).when().get("/api/v1/ledger/trial-balance").then().statusCode(403);
        assertEquals(250, balance(mine));
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().contentType("application/json").header("Idempotency-Key", "anon-1")
            .body(body("anonymous", FUNDING_CNY, -1, FUNDING_CNY, 1))
            .when().post("/api/v1/ledger/entries")
            .then().statusCode(401).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/unauthorized"));
        given().when().get("/api/v1/ledger/accounts/" + FUNDING_CNY).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().get("/api/v1/ledger/trial-balance").then().statusCode(401);
    }

    @Test
    void invalidAccountsAreRefused() {
        for (String body : List.of(
            "{\"owner\":\"alice\",\"asset\":\"CNY\",\"kind\":\"WALLET\"}",
            "{\"owner\":\"party:x\",\"asset\":\"XYZ1\",\"kind\":\"WALLET\"}",
            "{\"owner\":\"party:x\",\"asset\":\"CNY\",\"kind\":\"POINTS_ISSUED\"}",
            "{\"owner\":\"party:x\",\"asset\":\"CNY\"}")) {
            given().auth().oauth2(token("admin")).contentType("application/json").body(body)
                .when().post("/api/v1/ledger/accounts")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        }
        given().auth().oauth2(token("admin")).contentType("application/json")
            .body("{\"owner\":\"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\",\"asset\":\"PTS:acme\",\"kind\":\"WALLET\"}")
            .when().post("/api/v1/ledger/accounts")
            .then().statusCode(201).body("asset", equalTo("PTS:acme")).body("balanceDecimal", equalTo("0"));
    }

    @Test
    void theOpenApiDocumentsTheLedger() {
        given().accept("application/json").when().get("/openapi")
            .then().statusCode(200)
            .body("paths.'/api/v1/ledger/entries'.post.responses.'201'", notNullValue())
            .body("paths.'/api/v1/ledger/accounts/{id}/statement'.get", notNullValue())
            .body("paths.'/api/v1/ledger/entries/{id}/reversal'.post.parameters.name", hasItem("Idempotency-Key"));
    }

    // --- concurrency harness -------------------------------------------------------------------------------------

    interface PerCall {
        String of(int thread, int call);
    }

    /** {@code threads} threads, released together, each making {@code perThread} admin posts; all responses. */
    static List<HttpResponse<String>> parallel(int threads, int perThread, PerCall key, PerCall body) throws Exception {
        // HTTP/1.1: the JDK client otherwise tries an h2c upgrade, which Liberty answers with GOAWAY under load.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(PlatformExtension.settings().baseUrl() + "/api/v1/ledger/entries");
        String bearer = "Bearer " + token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger failures = new AtomicInteger();
        List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<HttpResponse<String>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", bearer)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key.of(thread, i))
                            .POST(HttpRequest.BodyPublishers.ofString(body.of(thread, i)))
                            .build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500) {
                            failures.incrementAndGet();
                        }
                        mine.add(response);
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> f : futures) {
                all.addAll(f.get());
            }
            assertEquals(0, failures.get(), "no 5xx under concurrency: " + all.stream()
                .filter(r -> r.statusCode() >= 500).map(HttpResponse::body).findFirst().orElse(""));
            assertNotNull(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
