package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The governance screens in a real headless Chromium against the real platform (voting delay 2 s, period 20 s
 * from system-tests' pom): a partner signs in with a new DID wallet, sees memberSince and the tier on the account
 * page, signs a delegation statement in the browser, is refused a revenue policy out of bounds (the problem shown
 * in words), proposes, votes with a ballot signed by the browser wallet, sees it reach the audit log, changes the
 * vote, sees the new ballot anchored on the chain, and, signed out, has the browser recompute the final tally from the public ballots and weights. Every
 * screen is checked with axe-core and for console errors. No admin token: the partner proposes (threshold 0).
 */
@ExtendWith(PlatformExtension.class)
class GovernanceBrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Map<String, List<String>> AXE = new LinkedHashMap<>();

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    private static void screen(Browser b, String name) {
        b.screenshot(name);
        List<String> violations = b.seriousAccessibilityViolations();
        AXE.put(name, violations);
        assertEquals(List.of(), violations, "axe-core on " + name);
        assertEquals(List.of(), b.consoleErrors(), "console errors on " + name);
    }

    @AfterAll
    static void report() {
        AXE.forEach((s, v) -> System.out.println("axe " + s + ": " + (v.isEmpty() ? "no serious/critical violations" : v)));
    }

    @Test
    void aPartnerDelegatesProposesVotesChangesTheVoteAndVerifiesTheTallyInTheBrowser() {
        Gov.Partner delegate = Gov.partner(DidWallet.Type.ED25519);
        String did;
        String proposal;
        String myWeight;
        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            did = signInWithNewWallet(b);
            assertFalse(b.await(By.id("account-member-since")).getAttribute("data-value").isEmpty(),
                "a DID partner is a member from the first authenticated call");
            assertEquals("10000", b.driver().findElement(By.id("account-tier")).getAttribute("data-bps"));
            assertTrue(b.driver().findElements(By.cssSelector("#nav-list a[href='/admin']")).isEmpty(),
                "a partner's menu has no admin console");
            screen(b, "gov-01-account-member-phone-en");

            // A delegation statement signed in the browser: half of my weight to another member, all kinds.
            navigate(b, "/governance/delegation");
            b.await(By.id("delegation-none"));
            b.driver().findElement(By.id("delegate-0")).sendKeys(delegate.did());
            b.driver().findElement(By.id("share-0")).clear();
            b.driver().findElement(By.id("share-0")).sendKeys("50");
            b.driver().findElement(By.id("delegation-review")).click();
            String statement = b.await(By.id("delegation-payload")).getText();
            assertTrue(statement.contains("\"delegator\": \"" + did + "\"") && statement.contains("\"shareBps\": 5000"),
                statement);
            b.driver().findElement(By.id("delegation-send")).click();
            b.await(By.id("delegation-done"));
            assertEquals("5000", b.await(By.cssSelector("#delegation-shares li[data-delegate='" + delegate.did() + "']"))
                .getAttribute("data-share"));
            JsonPath inForce = given().get(Gov.BASE + "/delegations/" + did).then().statusCode(200).extract().jsonPath();
            assertEquals(delegate.did(), inForce.getString("delegations[0].delegate"));
            assertEquals(5000, inForce.getInt("delegations[0].shareBps"));
            screen(b, "gov-02-delegation-signed-phone-en");

            // A revenue policy out of the hard bounds: the server's validation problem, shown in words.
            navigate(b, "/governance/new");
            new Select(b.await(By.id("np-kind"))).selectByValue("REVENUE_POLICY");
            b.driver().findElement(By.id("np-title")).sendKeys("A platform fee beyond the bound");
            b.await(By.id("np-platformFeeBps")).clear();
            b.driver().findElement(By.id("np-platformFeeBps")).sendKeys("6000");
            assertTrue(b.driver().findElement(By.id("np-platformFeeBps-hint")).getText().contains("0 to 5,000"));
            b.driver().findElement(By.id("np-submit")).click();
            String refusal = b.await(By.id("new-proposal-error")).getText();
            assertTrue(refusal.contains("Platform fee (bps) must be between 0 and 5000; it was 6000."), refusal);
            screen(b, "gov-03-new-proposal-refused-phone-en");

            // A GENERAL proposal from the form; the page follows it from PENDING to voting open.
            new Select(b.driver().findElement(By.id("np-kind"))).selectByValue("GENERAL");
            b.driver().findElement(By.id("np-title")).clear();
            b.driver().findElement(By.id("np-title")).sendKeys("Open a co-creation round for tea");
            b.driver().findElement(By.id("np-description")).sendKeys("Partners pick the next blend.");
            b.driver().findElement(By.id("np-submit")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Browser.WAIT)
                .until(d -> String.valueOf(b.js("return location.pathname")).startsWith("/governance/proposals/"));
            proposal = String.valueOf(b.js("return location.pathname")).substring("/governance/proposals/".length());
            assertEquals(did, Gov.proposal(proposal).getString("author"));

            // Vote: the ballot is shown, signed by the wallet, received, then in the audit log.
            b.await(By.id("vote-for")).click();
            b.driver().findElement(By.id("vote-review")).click();
            String ballot = b.await(By.id("ballot-payload")).getText();
            assertTrue(ballot.contains("\"proposal\": \"" + proposal + "\"") && ballot.contains("\"choice\": \"for\"")
                && ballot.contains("\"voter\": \"" + did + "\""), ballot);
            b.driver().findElement(By.id("vote-send")).click();
            b.await(By.cssSelector("#ballot-progress li[data-stage='received'][data-done='true']"));
            b.await(By.cssSelector("#ballot-progress li[data-stage='logged'][data-done='true']"));
            assertEquals("for", b.await(By.cssSelector("#my-vote[data-choice='for']")).getAttribute("data-choice"));

            // Change the vote: a new ballot replaces the first, and reaches the log too.
            String first = b.driver().findElement(By.id("my-vote")).getAttribute("data-ballot");
            b.await(By.id("vote-against")).click();
            b.driver().findElement(By.id("vote-review")).click();
            assertTrue(b.await(By.id("ballot-payload")).getText().contains("\"choice\": \"against\""));
            b.driver().findElement(By.id("vote-send")).click();
            b.await(By.cssSelector("#my-vote[data-choice='against']"));
            assertFalse(first.equals(b.driver().findElement(By.id("my-vote")).getAttribute("data-ballot")));
            b.await(By.cssSelector("#ballot-progress li[data-stage='logged'][data-done='true']"));
            assertTrue(b.driver().findElement(By.id("ballot-progress")).getText().contains("replaces"),
                "the new ballot says it replaces the earlier one");
            myWeight = given().get(Gov.BASE + "/proposals/" + proposal + "/weights").then().statusCode(200)
                .extract().jsonPath().getString("voters.find { it.voter == '" + did + "' }.weight");
            assertEquals(myWeight, b.await(By.cssSelector("#my-weight")).getAttribute("data-weight"),
                "my weight as the snapshot derives it (my delegation gives, it does not take)");
            // Anchored: the entry proven in the browser into the root the AuditAnchor contract holds (every 10 s).
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(120)).until(
                d -> !d.findElements(By.cssSelector("#ballot-progress li[data-stage='anchored'][data-done='true']")).isEmpty());
            String anchored = b.driver().findElement(By.cssSelector("#ballot-progress li[data-stage='anchored']")).getText();
            assertTrue(anchored.matches("(?s).*Anchored at block \\d+.*"), anchored);
            b.js("document.getElementById('ballot-progress').scrollIntoView()");
            screen(b, "gov-04-vote-changed-anchored-phone-en");
        }

        JsonPath tally = Gov.awaitFinalTally(proposal);
        assertEquals("0", tally.getString("for"));
        assertEquals(myWeight, tally.getString("against"));

        // Signed out, anyone's browser recomputes the final tally from the public ballots and weights.
        try (Browser b = Browser.start(base(), "en-US", 1280, 900)) {
            b.open("/governance/proposals/" + proposal);
            b.awaitText(By.id("tally-against"), myWeight);
            assertEquals("true", b.await(By.id("live-tally")).getAttribute("data-final"));
            b.await(By.id("verify-tally-button")).click();
            assertEquals("matches", b.await(By.id("tally-verdict")).getAttribute("data-verdict"),
                b.driver().findElement(By.id("verify-tally")).getText());
            b.js("document.getElementById('verify-tally').scrollIntoView()");
            screen(b, "gov-05-final-tally-verified-desktop-en");

            b.open("/governance");
            b.await(By.cssSelector("#proposals li[data-proposal='" + proposal + "']"));
            screen(b, "gov-06-proposals-desktop-en");

            new Select(b.driver().findElement(By.id("locale-switcher"))).selectByValue("zh-CN");
            b.awaitText(By.id("page-title"), "提案");
            b.awaitText(By.cssSelector("#proposals li[data-proposal='" + proposal + "'] .tally-summary"), "法定人数");
            screen(b, "gov-07-proposals-desktop-zh");
        }
    }

    private static String signInWithNewWallet(Browser b) {
        b.open("/wallet");
        b.await(By.id("create-password")).sendKeys(PASSWORD);
        b.driver().findElement(By.id("create-password2")).sendKeys(PASSWORD);
        b.driver().findElement(By.id("create-wallet")).click();
        String did = b.await(By.id("wallet-did")).getText();
        b.driver().findElement(By.id("did-sign-in")).click();
        b.awaitPath("/account");
        assertEquals(did, b.await(By.id("account-did")).getText());
        return did;
    }

    /** In-app navigation (keeps the in-memory session), as a click on a link does. */
    private static void navigate(Browser b, String path) {
        b.js("history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));", path);
        b.awaitPath(path);
    }
}
