package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real Chromium: the demo admin signs in with a password (authorization code + PKCE
 * against Keycloak, from the app's own button), finds a merchant, suspends it with a reason and reinstates it,
 * follows the history's audit link into the explorer, and visits every admin screen; axe-core finds no serious
 * violation on any of them.
 */
@ExtendWith(PlatformExtension.class)
class AdminConsoleBrowserIT {

    @Test
    void anAdminSignsInWithAPasswordAndSuspendsThenReinstatesAMerchant() {
        String admin = Tokens.password("admin", "admin");
        String username = "web" + UUID.randomUUID().toString().substring(0, 8);
        String id = MerchantAdminIT.create(admin, username, null, null).then().statusCode(201).extract().path("id");
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + id + "/verification", null).then().statusCode(200);

        try (HeadlessChromium b = HeadlessChromium.phone()) {
            b.open("/admin");
            b.click(By.id("password-sign-in"));
            signInAtKeycloak(b, "admin", "admin");
            b.waitForUrl("/admin");
            b.waitFor(By.id("merchant-q"));
            b.checkScreen("admin-merchants-en");

            b.type(By.id("merchant-q"), username);
            b.click(By.id("merchant-search"));
            b.click(By.cssSelector("tr[data-merchant='" + username + "'] a"));
            b.waitFor(By.id("merchant-facts"));
            b.waitFor(By.id("merchant-history"));

            System.out.println("DEBUG wide: " + b.driver.executeScript("const out=[];for(const e of document.querySelectorAll('body *')){const r=e.getBoundingClientRect();if(r.right>361&&r.width>0)out.push(e.tagName+'#'+e.id+'.'+e.className+' w='+Math.round(r.width)+' right='+Math.round(r.right)+' sw='+e.scrollWidth);}return out.slice(0,40).join('\\n')+' | doc.sw='+document.documentElement.scrollWidth+' inner='+innerWidth;"));
            b.type(By.id("suspend-reason"), "licence expired (browser test)");
            b.driver.executeScript("window.__clicks=[];document.addEventListener('click',e=>window.__clicks.push('click '+(e.target.id||e.target.tagName)+' @'+e.clientX+','+e.clientY+' isTrusted='+e.isTrusted),true);document.addEventListener('submit',e=>window.__clicks.push('submit'),true);");
            b.click(By.id("suspend-merchant"));
            try {
                b.waitFor(By.id("action-done"));
            } catch (RuntimeException e) {
                b.screenshot("DEBUG-suspend");
                System.out.println("DEBUG main: " + b.driver.executeScript("return document.getElementById('main').innerText"));
                System.out.println("DEBUG clicks: " + b.driver.executeScript("return window.__clicks"));
                System.out.println("DEBUG resources: " + b.driver.executeScript("return performance.getEntriesByType('resource').filter(e=>e.name.includes('/api/')).map(e=>e.name+' '+e.responseStatus+' '+Math.round(e.duration))"));
                System.out.println("DEBUG button: disabled=" + b.driver.executeScript("return document.getElementById('suspend-merchant').disabled") + " rect=" + b.driver.executeScript("return JSON.stringify(document.getElementById('suspend-merchant').getBoundingClientRect())") + " inner=" + b.driver.executeScript("return innerWidth+'x'+innerHeight+' scrollY='+scrollY+' vv='+visualViewport.width+'x'+visualViewport.height+' vvTop='+visualViewport.offsetTop+' pageTop='+visualViewport.pageTop"));
                System.out.println("DEBUG console: " + b.consoleErrors());
                throw e;
            }
            b.waitForAttribute(By.cssSelector("#merchant-title .badge"), "data-status", "SUSPENDED", Duration.ofSeconds(30));
            assertEquals("SUSPENDED", status(admin, id));
            b.waitFor(By.cssSelector("#merchant-history tr[data-type='identity.merchant.suspended']"));
            b.checkScreen("admin-merchant-suspended-en");

            b.click(By.id("reinstate-merchant"));
            b.waitForAttribute(By.cssSelector("#merchant-title .badge"), "data-status", "VERIFIED", Duration.ofSeconds(30));
            assertEquals("VERIFIED", status(admin, id));
            WebElement reinstated = b.waitFor(By.cssSelector("#merchant-history tr[data-type='identity.merchant.reinstated']"));
            b.checkScreen("admin-merchant-reinstated-en");

            // The history's audit receipt opens the public explorer on that very entry.
            reinstated.findElement(By.tagName("a")).click();
            b.waitForUrl("/audit/entries/");
            assertEquals("identity.merchant.reinstated", b.waitFor(By.id("entry-type")).getText());

            // Back in the console (in-app navigation keeps the in-memory session), every other screen.
            b.driver.navigate().back();
            b.waitFor(By.id("merchant-facts"));
            b.click(By.cssSelector(".admin-tabs a[href='/admin/system']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='database'] [data-health='UP']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='chain'] [data-health='UP']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='keycloak'] [data-health='UP']"));
            b.checkScreen("admin-system-en");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/keys']"));
            assertTrue(b.waitFor(By.id("platform-did")).getText().startsWith("did:web:"));
            b.checkScreen("admin-keys-en");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/credentials']"));
            b.waitFor(By.id("credential-id"));
            b.checkScreen("admin-credentials-en");
            b.language("zh-CN");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/system']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='database'] [data-health='UP']"));
            assertEquals("管理控制台", b.text(By.tagName("h1")));
            b.checkScreen("admin-system-zh");
            assertEquals(List.of(), b.consoleErrors(), "browser console");
        }
    }

    private static String status(String admin, String id) {
        return given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + id).then().statusCode(200)
            .extract().path("status");
    }

    /** Keycloak's browser flow opens on the DID wallet page; a password user takes "Try another way". */
    static void signInAtKeycloak(HeadlessChromium b, String user, String password) {
        b.waitForUrl("/realms/copartner/");
        if (b.driver.findElements(By.id("username")).isEmpty()) {
            b.click(By.id("try-another-way"));
            b.click(By.xpath("//*[contains(normalize-space(.), 'Username and password')]/ancestor-or-self::*[self::button or self::a or self::li][1]"));
        }
        b.type(By.id("username"), user);
        b.type(By.id("password"), password);
        b.click(By.id("kc-login"));
    }
}
