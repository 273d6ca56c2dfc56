package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public audit explorer in a real Chromium: the checkpoint's signature checks out in the browser, and an
 * entry's inclusion proof is verified in the browser against the signed checkpoint AND against the root the
 * AuditAnchor contract holds, read by the page itself from anvil's JSON-RPC. In English and in Chinese, on a
 * 360 px phone, with axe-core finding no serious violation.
 */
@ExtendWith(PlatformExtension.class)
class AuditExplorerBrowserIT {

    /** The newest anchored tree size, once the platform's start-up entries are anchored. */
    static long anchoredSize() {
        return Await.until(Duration.ofSeconds(90), () -> {
            List<Map<String, Object>> items = given().get("/api/v1/audit/anchors").then().statusCode(200)
                .extract().jsonPath().getList("items");
            return items.isEmpty() ? null : ((Number) items.get(0).get("treeSize")).longValue();
        });
    }

    @Test
    void theExplorerVerifiesAnEntryAgainstTheSignedCheckpointAndTheChain() {
        long index = anchoredSize() - 1;
        try (HeadlessChromium b = HeadlessChromium.phone()) {
            b.open("/audit");
            b.waitForAttribute(By.id("checkpoint-signature"), "data-verified", "true", Duration.ofSeconds(30));
            b.waitFor(By.cssSelector("#anchors table"));
            b.checkScreen("audit-overview-en");

            b.open("/audit/entries/" + index);
            b.click(By.id("verify-entry"));
            WebElement verdict = b.waitFor(By.id("verdict"), Duration.ofSeconds(60));
            String steps = b.text(By.cssSelector("ol.steps"));
            assertEquals("verified", verdict.getAttribute("data-verdict"), steps);
            List<WebElement> lines = b.driver.findElements(By.cssSelector("ol.steps li"));
            assertEquals(List.of("did", "checkpoint", "entry", "inclusion", "chain", "anchored-inclusion", "consistency"),
                lines.stream().map(l -> l.getAttribute("data-step")).toList());
            assertTrue(lines.stream().allMatch(l -> "ok".equals(l.getAttribute("data-status"))), steps);
            b.checkScreen("audit-entry-verified-en");

            // The anchor's transaction, read from the chain by the page.
            b.click(By.cssSelector("#verdict a"));
            b.waitForUrl("/audit/tx/0x");
            assertEquals("succeeded", b.waitFor(By.id("tx-status")).getText());
            b.checkScreen("audit-chain-tx-en");
            assertEquals(List.of(), b.consoleErrors(), "browser console");
        }
    }

    @Test
    void theExplorerSpeaksChinese() {
        long index = anchoredSize() - 1;
        try (HeadlessChromium b = HeadlessChromium.phone()) {
            b.open("/audit");
            b.language("zh-CN");
            b.waitForAttribute(By.id("checkpoint-signature"), "data-verified", "true", Duration.ofSeconds(30));
            assertEquals("审计日志", b.text(By.tagName("h1")));
            b.checkScreen("audit-overview-zh");

            b.type(By.id("entry-index"), Long.toString(index));
            b.click(By.id("open-entry"));
            b.waitForUrl("/audit/entries/" + index);
            b.click(By.id("verify-entry"));
            WebElement verdict = b.waitFor(By.id("verdict"), Duration.ofSeconds(60));
            assertEquals("verified", verdict.getAttribute("data-verdict"), b.text(By.cssSelector("ol.steps")));
            assertTrue(verdict.getText().contains("已验证"), verdict.getText());
            b.checkScreen("audit-entry-verified-zh");
            assertEquals(List.of(), b.consoleErrors(), "browser console");
        }
    }
}
