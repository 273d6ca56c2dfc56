package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The partnership economy's screens (issue 12, item 8) in a real headless Chromium against the real platform. A
 * partner signed in with a new DID wallet makes a share link in the app; two buyers buy through it over REST and
 * their orders complete: the partner sees both commissions earned, the share points of the brand, exchanges them
 * into a second brand at the governed rate with a live quote (one quote left to expire first), and reads the
 * statement of the period with its arithmetic, checked against the admin's view of the pool. The admin clears a
 * 刷单 flag, approves one large payout first (and is refused a second approval of it: the server's problem shown),
 * approves another as the second admin (seeing who approved first), and watches the period close. A signed-out
 * browser reads the period's transparency report: every figure with its audit entries, one opened in the explorer.
 * Every screen: screenshot, axe-core, no console error, nothing wider than the phone.
 */
@ExtendWith(PlatformExtension.class)
class EconomyBrowserIT {

    static final long BIG = 300_000;
    static final long SMALL = 1_000;
    static final long SHARE_POINTS = 50;
    static final long RATE_BPS = 8000;

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    @Test
    void partnersFollowTheirEarningsAdminsDecideAndAnyoneReadsTheReport() {
        Shop.Merchant m = Shop.merchant(true);
        Shop.Merchant m2 = Shop.merchant(true);
        String name = "Pu-erh " + UUID.randomUUID().toString().substring(0, 6);
        String big = product(m, name, BIG);
        String small = product(m, "Small " + name, SMALL);
        // A converting share worth SHARE_POINTS points and the rate m → m2, voted, executed and in force.
        PointsIT.governRate(m.id(), m2.id(), RATE_BPS, SHARE_POINTS);
        String admin2 = Tokens.clientCredentials("copartner-platform", "copartner-platform-dev-secret");

        try (Browser p = Browser.start(base(), "en-US", 360, 780);
             Browser a = Browser.start(base(), "en-US", 360, 780)) {
            // A partner makes a share link for the product in the app.
            p.signInWithNewWallet();
            p.navigate("/partner");
            p.await(By.id("links-none"));
            p.await(By.id("commissions-none"));
            p.assertNoHorizontalOverflow();
            p.checkScreen("econ-01-partner-empty-phone-en");
            p.await(By.id("link-q")).sendKeys(name);
            p.driver().findElement(By.id("link-search")).click();
            p.await(By.cssSelector("#link-products li[data-product='" + big + "'] button")).click();
            String code = p.await(By.id("link-made")).getAttribute("data-code");
            assertTrue(p.driver().findElement(By.id("link-made-url")).getText().endsWith("/r/" + code));
            p.await(By.cssSelector("#share-links li[data-code='" + code + "'][data-product='" + big + "']"));
            Response r = given().redirects().follow(false).get("/r/" + code);
            assertEquals(303, r.statusCode());
            assertTrue(r.header("Location").endsWith("/shop/products/" + big), r.header("Location"));
            p.assertNoHorizontalOverflow();
            p.checkScreen("econ-02-share-link-made-phone-en");

            // Two buyers buy through the link; their orders complete.
            String cookie = r.cookie("copartner_ref");
            List<Partner> buyers = List.of(Buy.fundedPartner(BIG), Buy.fundedPartner(BIG));
            for (Partner b : buyers) {
                String order = ReferralsIT.buyThroughCookie(b, cookie, big, 1);
                Buy.ship(m.token(), order).then().statusCode(200);
                Buy.step(b.token(), order, "delivery", null).then().statusCode(200);
                Buy.step(b.token(), order, "completion", null).then().statusCode(200);
            }

            // The partner's commissions: 10 % of each sale, earned on completion.
            long commission = BIG * 1000 / 10000;
            reloadUntil(p, "/partner", By.cssSelector("#commissions, #commissions-none"),
                () -> p.driver().findElements(By.cssSelector("#commissions tr[data-status='EARNED']")).size() == 2);
            WebElement earned = p.await(By.cssSelector("#totals-CNY [data-total='earned']"));
            assertEquals(String.valueOf(2 * commission), earned.getAttribute("data-value"));
            assertTrue(earned.getText().contains("600.00"), earned.getText());
            for (WebElement row : p.driver().findElements(By.cssSelector("#commissions tr[data-status='EARNED']"))) {
                assertEquals(String.valueOf(commission), row.getAttribute("data-earned"));
                assertTrue(row.getText().contains("10 %"), row.getText());
            }
            p.assertNoHorizontalOverflow();
            p.checkScreen("econ-03-commissions-earned-phone-en");

            // The share points of the brand, and the exchange into the second brand with a live quote.
            String brandA = "#points-brands [data-brand='" + m.id() + "']";
            reloadUntil(p, "/partner/points", By.cssSelector("#points-brands, #points-none"),
                () -> !p.driver().findElements(By.cssSelector(brandA + "[data-balance='" + 2 * SHARE_POINTS + "']")).isEmpty());
            p.checkScreen("econ-04-points-phone-en");
            new Select(p.driver().findElement(By.id("exchange-from"))).selectByValue(m.id());
            p.driver().findElement(By.id("exchange-to")).sendKeys(m2.id());
            p.driver().findElement(By.id("exchange-amount")).sendKeys(String.valueOf(2 * SHARE_POINTS));
            p.driver().findElement(By.id("exchange-quote")).click();
            WebElement quote = p.await(By.id("exchange-quote-box"));
            long receive = 2 * SHARE_POINTS * RATE_BPS / 10000;
            assertEquals(String.valueOf(receive), quote.getAttribute("data-receive"));
            assertTrue(p.driver().findElement(By.id("exchange-rate")).getText().contains("0.8"));
            int left = Integer.parseInt(p.driver().findElement(By.id("exchange-countdown")).getAttribute("data-seconds"));
            assertTrue(left >= 1 && left <= 5, "a 5 s quote shows " + left + " s");
            p.assertNoHorizontalOverflow();
            p.checkScreen("econ-05-exchange-quote-phone-en");
            // The test platform's quotes live 5 s: the countdown runs out and the confirmation is no longer offered.
            String firstQuote = quote.getAttribute("data-quote");
            new WebDriverWait(p.driver(), Duration.ofSeconds(20)).until(d ->
                "0".equals(d.findElement(By.id("exchange-countdown")).getAttribute("data-seconds")));
            assertTrue(!p.driver().findElement(By.id("exchange-confirm")).isEnabled());
            p.driver().findElement(By.id("exchange-quote")).click();
            new WebDriverWait(p.driver(), Browser.WAIT).until(d -> {
                var box = d.findElements(By.id("exchange-quote-box"));
                return !box.isEmpty() && !firstQuote.equals(box.get(0).getAttribute("data-quote"));
            });
            p.driver().findElement(By.id("exchange-confirm")).click();
            WebElement done = p.await(By.id("exchange-done"));
            assertEquals(String.valueOf(2 * SHARE_POINTS), done.getAttribute("data-given"));
            assertEquals(String.valueOf(receive), done.getAttribute("data-received"));
            p.await(By.cssSelector("#points-brands [data-brand='" + m2.id() + "'][data-balance='" + receive + "']"));
            // brand A: nothing left (listed with 0, or no longer listed)
            assertTrue(p.driver().findElements(By.cssSelector(brandA)).stream()
                .allMatch(e -> "0".equals(e.getAttribute("data-balance"))));
            JsonPath la = PointsIT.liability(m.id());
            assertEquals(2 * SHARE_POINTS, la.getLong("inClearing"), "brand A's points went to the clearing account");
            JsonPath lb = PointsIT.liability(m2.id());
            assertEquals(receive, lb.getLong("outstanding"), "brand B issued exactly the quoted points");
            assertEquals(receive, lb.getLong("inWallets"));
            p.checkScreen("econ-06-exchanged-phone-en");

            // 刷单: three small orders by one buyer through another partner's link, confirmed at once, reviewed.
            String flagged = FraudIT.fakeOrders(m, small, 0, 10 * SMALL).last();
            a.open("/admin/economy");
            a.signInWithPassword("admin", "admin");
            a.awaitPath("/admin/economy");
            WebElement flag = a.await(By.cssSelector("#fraud-flags li[data-order='" + flagged + "']"));
            assertEquals(3, flag.findElements(By.cssSelector(".reasons li")).size());
            assertTrue(flag.getText().contains("刷单"), flag.getText());
            a.assertNoHorizontalOverflow();
            a.checkScreen("econ-07-admin-fraud-flags-phone-en");
            flag.findElement(By.cssSelector(".flag-clear")).click();
            a.await(By.cssSelector("#fraud-flags li[data-order='" + flagged + "'][data-status='CLEARED']"));
            Map<String, Object> cleared = given().auth().oauth2(Gov.adminToken()).queryParam("status", "CLEARED")
                .queryParam("limit", 100).get("/api/v1/admin/fraud/flags").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.orderId == '" + flagged + "' }");
            assertEquals("CLEARED", cleared.get("status"));
            assertTrue(a.driver().findElement(By.cssSelector("#fraud-flags li[data-order='" + flagged + "'] .decided"))
                .getText().contains(String.valueOf(cleared.get("decidedBy"))));
            a.checkScreen("econ-08-admin-flag-cleared-phone-en");

            // Both buyers' shares are above the threshold: four eyes.
            List<Map<String, Object>> waiting = Await.until(Duration.ofSeconds(150), () -> {
                List<Map<String, Object>> w = awaiting();
                return w.size() >= 2 ? w : null;
            });
            String first = (String) waiting.get(0).get("id");
            String second = (String) waiting.get(1).get("id");
            a.navigate("/admin/economy/payouts");
            By firstCard = By.cssSelector("#payouts li[data-payout='" + first + "']");
            a.await(firstCard).findElement(By.cssSelector(".payout-approve")).click();
            new WebDriverWait(a.driver(), Browser.WAIT).until(d -> !d.findElement(firstCard).getAttribute("data-first").isEmpty());
            String me = a.driver().findElement(firstCard).getAttribute("data-first");
            assertTrue(a.driver().findElement(firstCard).getText().contains("First approved by " + me));
            assertEquals("AWAITING_APPROVAL", a.driver().findElement(firstCard).getAttribute("data-status"));
            // The same admin again: the server refuses (409 conflict), and the app says so.
            a.driver().findElement(firstCard).findElement(By.cssSelector(".payout-approve")).click();
            WebElement refused = a.await(By.cssSelector("#payouts li[data-payout='" + first + "'] #payout-error"));
            assertEquals("conflict", refused.getAttribute("data-problem"));
            assertEquals("409", refused.getAttribute("data-status"));
            a.assertNoHorizontalOverflow();
            a.checkScreen("econ-09-admin-same-admin-twice-refused-phone-en");
            approve(admin2, first).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PENDING"));
            approve(admin2, second).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("AWAITING_APPROVAL"));
            // The other payout: the admin sees who approved it first and gives the second approval.
            a.driver().findElement(By.id("payouts-reload")).click();
            By secondCard = By.cssSelector("#payouts li[data-payout='" + second + "']");
            new WebDriverWait(a.driver(), Browser.WAIT).until(d -> {
                var c = d.findElements(secondCard);
                return !c.isEmpty() && !c.get(0).getAttribute("data-first").isEmpty();
            });
            String other = a.driver().findElement(secondCard).getAttribute("data-first");
            assertNotEquals(me, other);
            assertTrue(a.driver().findElement(secondCard).getText().contains("First approved by " + other));
            a.checkScreen("econ-10-admin-second-approval-phone-en");
            a.driver().findElement(secondCard).findElement(By.cssSelector(".payout-approve")).click();
            a.await(By.cssSelector("#payouts li[data-payout='" + second + "'][data-status='PENDING'] .second-approver"));

            // The periods close: partners done of total, then CLOSED.
            List<String> periods = new ArrayList<>();
            for (Map<String, Object> w : waiting) {
                if (!periods.contains((String) w.get("periodId"))) {
                    periods.add((String) w.get("periodId"));
                }
            }
            a.navigate("/admin/economy/periods");
            for (String id : periods) {
                By row = By.cssSelector("#periods li[data-period='" + id + "']");
                new WebDriverWait(a.driver(), Duration.ofSeconds(90)).until(d -> {
                    var e = d.findElements(row);
                    return !e.isEmpty() && "CLOSED".equals(e.get(0).getAttribute("data-state"));
                });
                WebElement e = a.driver().findElement(row);
                assertEquals(e.getAttribute("data-total"), e.getAttribute("data-done"));
                assertEquals("CLOSED", SettlementIT.period(id).getString("state"));
            }
            a.assertNoHorizontalOverflow();
            a.checkScreen("econ-11-admin-periods-closed-phone-en");

            // The partner's statements: the arithmetic, checked against the admin's pool and weights.
            reloadUntil(p, "/partner/statements", By.cssSelector("#statements, #statements-none"),
                () -> periods.stream().allMatch(id -> !p.driver().findElements(By.cssSelector(
                    "#statements [data-period='" + id + "'] .statement-line[data-payout='PAID']")).isEmpty()));
            long weightSeen = 0;
            for (String id : periods) {
                WebElement line = p.driver().findElement(By.cssSelector("#statements [data-period='" + id + "'] .statement-line"));
                Map<String, Object> pool = SettlementIT.period(id).getList("pools", Map.class).stream()
                    .filter(x -> "CNY".equals(x.get("asset"))).findFirst().orElseThrow();
                BigInteger total = new BigInteger((String) pool.get("totalWeight"));
                BigInteger amount = new BigInteger((String) pool.get("inflow")).add(new BigInteger((String) pool.get("carriedIn")));
                assertEquals(total.toString(), line.getAttribute("data-total-weight"));
                assertEquals(amount.toString(), line.getAttribute("data-pool"));
                BigInteger w = new BigInteger(line.getAttribute("data-weight"));
                BigInteger floor = amount.multiply(w).divide(total);
                BigInteger share = new BigInteger(line.getAttribute("data-my-share"));
                assertTrue(share.equals(floor) || share.equals(floor.add(BigInteger.ONE)), share + " vs floor " + floor);
                assertTrue(line.getText().contains("my share ="), line.getText());
                weightSeen += w.longValue();
            }
            assertEquals(2 * commission, weightSeen, "the partner's weight is the referral commissions");
            p.assertNoHorizontalOverflow();
            p.checkScreen("econ-12-statement-arithmetic-phone-en");
            assertEquals(List.of(), p.consoleErrors());
            assertEquals(List.of(), a.consoleErrors());

            // The transparency report, signed out.
            String period = periods.get(0);
            JsonPath report = Await.until(Duration.ofSeconds(60), () -> {
                var res = given().get("/api/v1/reports/" + period);
                return res.statusCode() == 200 ? res.jsonPath() : null;
            });
            try (Browser anyone = Browser.start(base(), "en-US", 360, 780)) {
                anyone.open("/transparency");
                anyone.await(By.cssSelector("#report-periods li[data-period='" + period + "'][data-state='CLOSED'] a")).click();
                anyone.awaitPath("/transparency/" + period);
                anyone.await(By.id("report-signature"));
                for (Map<String, Object> proof : report.<Map<String, Object>>getList("proofs")) {
                    String ptr = (String) proof.get("figure");
                    WebElement fig = anyone.driver().findElement(By.cssSelector("[data-figure='" + ptr + "']"));
                    List<String> want = new ArrayList<>();
                    for (Object i : (List<?>) proof.get("auditIndexes")) {
                        want.add(String.valueOf(i));
                    }
                    assertEquals(String.join(",", want), fig.getAttribute("data-proofs"), ptr);
                }
                assertEquals(report.getString("signature"), anyone.driver().findElement(By.id("signature-value")).getText());
                assertTrue(anyone.driver().findElement(By.id("report-signature")).getText().contains("did:web:"));
                anyone.assertNoHorizontalOverflow();
                anyone.checkScreen("econ-13-report-phone-en");
                WebElement distributed = anyone.driver().findElement(By.cssSelector("[data-figure='/byAsset/CNY/distributed']"));
                String index = distributed.getAttribute("data-proofs").split(",")[0];
                distributed.findElement(By.cssSelector("a[href='/audit/entries/" + index + "']")).click();
                anyone.awaitPath("/audit/entries/" + index);
                assertEquals("economy.payout", anyone.await(By.id("entry-type")).getText());

                anyone.setWidth(1280, 900);
                anyone.navigate("/transparency/" + period);
                new Select(anyone.await(By.id("locale-switcher"))).selectByValue("zh-CN");
                anyone.awaitText(By.id("page-title"), "透明度报告");
                anyone.await(By.id("report-signature"));
                anyone.checkScreen("econ-14-report-desktop-zh");
                assertEquals(List.of(), anyone.consoleErrors());
            }
        }
    }

    /** Navigates away and back until the screen shows what {@code shown} waits for (the screens load on visit). */
    static void reloadUntil(Browser b, String path, By loaded, Supplier<Boolean> shown) {
        Await.until(Duration.ofSeconds(90), () -> {
            b.navigate(path.equals("/partner") ? "/partner/statements" : "/partner");
            b.navigate(path);
            b.await(loaded);
            return shown.get() ? Boolean.TRUE : null;
        });
    }

    static String product(Shop.Merchant m, String name, long cny) {
        Map<String, Object> body = new HashMap<>(Shop.product(Shop.gtin(), name, "tea", cny));
        body.put("stock", 20);
        return Shop.create(m.token(), body, "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> awaiting() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> period : given().auth().oauth2(Gov.adminToken()).queryParam("limit", 100)
            .get("/api/v1/admin/settlement/periods").then().statusCode(200).extract().jsonPath()
            .<Map<String, Object>>getList("$")) {
            for (Object w : (List<?>) period.get("pendingApprovals")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payout = (Map<String, Object>) w;
                if (payout.get("firstApprover") == null && Long.parseLong((String) payout.get("amount")) > SettlementIT.THRESHOLD) {
                    out.add(payout);
                }
            }
        }
        return out;
    }

    static Response approve(String token, String payout) {
        return SettlementIT.approve(token, payout, "approve-" + UUID.randomUUID());
    }
}
