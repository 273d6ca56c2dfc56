package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    /**
     * The proposal page's next steps against the real platform: the author cancels its own proposal (after a
     * confirmation); a member queues a proposal that passed, sees the timelock's eta, and the page follows it to
     * EXECUTED (the scheduler executes at the eta, 3 s in the tests).
     */
    @Test
    void theAuthorCancelsAProposalAndAMemberQueuesOneThatPassed() {
        // Voters first: the weight snapshot is taken when voting starts; enough of them for the quorum whatever ran before.
        List<Gov.Partner> voters = new ArrayList<>();
        for (int i = CatalogueIT.votersForQuorum(); i > 0; i--) {
            voters.add(Gov.partner(DidWallet.Type.ED25519));
        }
        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            b.signInWithNewWallet();

            String doomed = proposeInTheBrowser(b, "A round we will not hold");
            b.await(By.id("proposal-cancel")).click();
            assertTrue(b.await(By.id("cancel-confirm")).getText().contains("cannot be undone"));
            b.checkScreen("gov-10-cancel-confirm-phone-en");
            b.driver().findElement(By.id("proposal-cancel-confirm")).click();
            assertEquals("cancel", b.await(By.id("proposal-action-done")).getAttribute("data-action"));
            b.await(By.cssSelector("article[data-proposal='" + doomed + "'][data-state='CANCELED']"));
            assertEquals("CANCELED", Gov.proposal(doomed).getString("state"));
            assertTrue(b.driver().findElements(By.id("proposal-cancel")).isEmpty(), "a cancelled proposal offers no cancel");
            b.assertNoHorizontalOverflow();
            b.checkScreen("gov-11-canceled-phone-en");

            String passing = proposeInTheBrowser(b, "Open a co-creation round for honey");
            Gov.awaitState(passing, "ACTIVE", 30);
            for (Gov.Partner v : voters) {
                Gov.vote(v, passing, "for", null);
            }
            Gov.awaitFinalTally(passing);
            // The page follows the proposal to SUCCEEDED by itself, then offers Queue to any member.
            new WebDriverWait(b.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article[data-proposal='" + passing + "'][data-state='SUCCEEDED'] #proposal-queue")));
            b.checkScreen("gov-12-succeeded-queue-phone-en");
            b.driver().findElement(By.id("proposal-queue")).click();
            assertEquals("queue", b.await(By.id("proposal-action-done")).getAttribute("data-action"));
            assertTrue(b.await(By.id("proposal-eta")).getText().contains("can be executed from"));
            assertTrue(List.of("QUEUED", "EXECUTED").contains(Gov.proposal(passing).getString("state")));
            b.checkScreen("gov-13-queued-phone-en");
            new WebDriverWait(b.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article[data-proposal='" + passing + "'][data-state='EXECUTED']")));
            b.await(By.cssSelector("#timeline li[data-time='executedAt']"));
            assertEquals("EXECUTED", Gov.proposal(passing).getString("state"));
        }
    }

    /** A GENERAL proposal from the app's form; returns its id once its page shows. */
    private static String proposeInTheBrowser(Browser b, String title) {
        b.navigate("/governance/new");
        new Select(b.await(By.id("np-kind"))).selectByValue("GENERAL");
        b.driver().findElement(By.id("np-title")).sendKeys(title);
        b.driver().findElement(By.id("np-submit")).click();
        new WebDriverWait(b.driver(), Browser.WAIT)
            .until(d -> String.valueOf(b.js("return location.pathname")).startsWith("/governance/proposals/"));
        String id = String.valueOf(b.js("return location.pathname")).substring("/governance/proposals/".length());
        b.await(By.cssSelector("article[data-proposal='" + id + "']"));
        return id;
    }

    @Test
    void aPartnerDelegatesProposesVotesChangesTheVoteAndVerifiesTheTallyInTheBrowser() {
        Gov.Partner delegate = Gov.partner(DidWallet.Type.ED25519);
        String did;
        String proposal;
        String myWeight;
        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            did = b.signInWithNewWallet();
            assertFalse(b.await(By.id("account-member-since")).getAttribute("data-value").isEmpty(),
                "a DID partner is a member from the first authenticated call");
            assertEquals("10000", b.driver().findElement(By.id("account-tier")).getAttribute("data-bps"));
            assertTrue(b.driver().findElements(By.cssSelector("#nav-list a[href='/admin']")).isEmpty(),
                "a partner's menu has no admin console");
            b.checkScreen("gov-01-account-member-phone-en");

            // A delegation statement signed in the browser: half of my weight to another member, all kinds.
            b.navigate("/governance/delegation");
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
            b.checkScreen("gov-02-delegation-signed-phone-en");

            // A revenue policy out of the hard bounds: the server's validation problem, shown in words.
            b.navigate("/governance/new");
            new Select(b.await(By.id("np-kind"))).selectByValue("REVENUE_POLICY");
            b.driver().findElement(By.id("np-title")).sendKeys("A platform fee beyond the bound");
            b.await(By.id("np-platformFeeBps")).clear();
            b.driver().findElement(By.id("np-platformFeeBps")).sendKeys("6000");
            assertTrue(b.driver().findElement(By.id("np-platformFeeBps-hint")).getText().contains("0 to 5,000"));
            b.driver().findElement(By.id("np-submit")).click();
            String refusal = b.await(By.id("new-proposal-error")).getText();
            assertTrue(refusal.contains("Platform fee (bps) must be between 0 and 5000; it was 6000."), refusal);
            b.checkScreen("gov-03-new-proposal-refused-phone-en");

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
            b.checkScreen("gov-04-vote-changed-anchored-phone-en");
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
            b.checkScreen("gov-05-final-tally-verified-desktop-en");

            b.open("/governance");
            b.await(By.cssSelector("#proposals li[data-proposal='" + proposal + "']"));
            b.checkScreen("gov-06-proposals-desktop-en");

            new Select(b.driver().findElement(By.id("locale-switcher"))).selectByValue("zh-CN");
            b.awaitText(By.id("page-title"), "提案");
            b.awaitText(By.cssSelector("#proposals li[data-proposal='" + proposal + "'] .tally-summary"), "法定人数");
            b.checkScreen("gov-07-proposals-desktop-zh");
        }
    }
}
