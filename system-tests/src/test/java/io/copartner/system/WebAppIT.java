package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in a real headless Chromium against the real platform: a new partner creates a wallet, backs it up,
 * signs in with one click and sees the DID on the account page; the backup restored in a fresh profile gives the
 * same account; the partner screens; the app and Keycloak's pages in Chinese and English; a 360 px phone. Every
 * screen is checked with axe-core (no serious or critical WCAG 2.1 A/AA violation), for console errors, and
 * photographed under target/screenshots.
 */
@ExtendWith(PlatformExtension.class)
class WebAppIT {

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    @Test
    void newPartnerCreatesWalletBacksUpSignsInAndRestoresInAFreshProfile() throws Exception {
        String did;
        String subject;
        Path backup;
        try (Browser b = Browser.start(base(), "en-US", 1280, 900)) {
            b.open("/");
            b.awaitText(By.id("page-title"), "Welcome to Copartner");
            b.checkScreen("01-home-en");

            b.driver().findElement(By.cssSelector("a.button.primary[href='/wallet']")).click();
            b.await(By.id("no-wallet"));
            b.checkScreen("02-wallet-new-en");

            b.driver().findElement(By.id("create-password")).sendKeys(Browser.WALLET_PASSWORD);
            b.driver().findElement(By.id("create-password2")).sendKeys(Browser.WALLET_PASSWORD);
            b.driver().findElement(By.id("create-wallet")).click();
            did = b.await(By.id("wallet-did")).getText();
            assertTrue(did.startsWith("did:key:z6Mk"), did);
            assertEquals("Ed25519", b.driver().findElement(By.id("wallet-type")).getText());

            b.driver().findElement(By.id("download-backup")).click();
            Path downloaded = b.awaitDownload();
            String file = Files.readString(downloaded);
            assertTrue(file.contains("\"format\": \"copartner-wallet-backup\""), file);
            assertTrue(file.contains(did), "the backup names its DID");
            backup = Files.createTempFile("copartner-backup-", ".json");
            Files.copy(downloaded, backup, StandardCopyOption.REPLACE_EXISTING);
            b.checkScreen("03-wallet-created-en");

            b.driver().findElement(By.id("did-sign-in")).click();
            b.awaitPath("/account");
            assertEquals(did, b.await(By.id("account-did")).getText());
            subject = b.await(By.id("account-subject")).getText();
            assertTrue(b.driver().findElement(By.id("account-roles")).getText().contains("Partner"));
            b.checkScreen("04-account-en");
        }

        // A new device: a fresh profile has no wallet until the backup is restored, then signs in to the same account.
        try (Browser b = Browser.start(base(), "en-US", 1280, 900)) {
            b.open("/wallet");
            b.await(By.id("no-wallet"));
            b.driver().findElement(By.id("restore-file")).sendKeys(backup.toAbsolutePath().toString());
            b.driver().findElement(By.id("restore-password")).sendKeys("not the password");
            b.driver().findElement(By.id("restore-wallet")).click();
            b.awaitText(By.id("restore-error"), "Wrong password");
            b.checkScreen("05-wallet-restore-wrong-password-en");

            b.driver().findElement(By.id("restore-password")).clear();
            b.driver().findElement(By.id("restore-password")).sendKeys(Browser.WALLET_PASSWORD);
            b.driver().findElement(By.id("restore-wallet")).click();
            assertEquals(did, b.await(By.id("wallet-did")).getText());
            b.driver().findElement(By.id("did-sign-in")).click();
            b.awaitPath("/account");
            assertEquals(did, b.await(By.id("account-did")).getText());
            assertEquals(subject, b.await(By.id("account-subject")).getText(), "the same Keycloak account");
        } finally {
            Files.deleteIfExists(backup);
        }
    }

    @Test
    void partnerScreensWorkOnAPhoneAndADesktop() {
        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            b.signInWithNewWallet();

            b.open("/personal-data");
            // a reload signs out (tokens live in memory only): the screen asks to sign in
            b.await(By.id("password-sign-in"));
            b.open("/wallet");
            b.await(By.id("did-sign-in")).click();
            b.awaitPath("/account");
            b.checkScreen("10-account-phone-en");
            b.assertNoHorizontalOverflow();

            b.navigate("/personal-data");
            b.await(By.id("pd-none"));
            b.checkScreen("11-personal-data-empty-phone-en");
            b.driver().findElement(By.id("pd-name")).sendKeys("Mei Chen");
            b.driver().findElement(By.id("pd-phone")).sendKeys("not a phone!");
            b.driver().findElement(By.id("pd-address")).sendKeys("88 Century Avenue, Pudong, Shanghai");
            b.driver().findElement(By.id("pd-save")).click();
            b.await(By.id("pd-phone-err"));
            b.checkScreen("12-personal-data-invalid-phone-en");
            b.driver().findElement(By.id("pd-phone")).clear();
            b.driver().findElement(By.id("pd-phone")).sendKeys("+86 21 5555 0101");
            b.driver().findElement(By.id("pd-save")).click();
            assertEquals("Mei Chen", b.await(By.id("pd-view-name")).getText());
            b.checkScreen("13-personal-data-stored-phone-en");
            b.driver().findElement(By.id("pd-erase")).click();
            assertTrue(b.await(By.id("pd-erase-warning")).getText().contains("hashes"));
            b.checkScreen("14-personal-data-erase-warning-phone-en");
            b.driver().findElement(By.id("pd-erase-confirm")).click();
            b.awaitText(By.id("pd-note"), "erased");
            b.await(By.id("pd-none"));

            b.navigate("/credentials");
            b.await(By.id("issue-membership")).click();
            b.await(By.id("disclose-tier"));
            b.driver().findElement(By.id("disclose-partnerSince")).click(); // show only the tier
            b.driver().findElement(By.id("key-binding")).click();
            b.driver().findElement(By.id("kb-aud")).sendKeys("https://shop.example");
            b.driver().findElement(By.id("kb-nonce")).sendKeys("n-0S6_WzA2Mj");
            b.driver().findElement(By.id("make-presentation")).click();
            String presentation = b.await(By.id("presentation")).getAttribute("value");
            assertEquals(3, presentation.split("~", -1).length, "JWT~tier~KB-JWT: " + presentation);
            b.driver().findElement(By.id("verify-submit")).click();
            b.awaitText(By.id("verify-result"), "Verified");
            b.checkScreen("15-credentials-presented-verified-phone-en");
            b.assertNoHorizontalOverflow();

            b.navigate("/balances");
            b.await(By.id("balances-none"));
            b.checkScreen("16-balances-empty-phone-en");

            b.setWidth(1280, 900);
            b.navigate("/account");
            b.await(By.id("account-did"));
            b.checkScreen("17-account-desktop-en");
        }
    }

    @Test
    void theAppAndKeycloakSpeakChineseAndEnglish() {
        try (Browser b = Browser.start(base(), "zh-CN", 1280, 900)) {
            b.open("/");
            b.awaitText(By.id("page-title"), "欢迎来到");
            assertEquals("zh-CN", b.js("return document.documentElement.lang"));
            b.checkScreen("20-home-zh");

            b.open("/wallet");
            b.awaitText(By.id("page-title"), "你的钱包");
            b.checkScreen("21-wallet-new-zh");

            // the switcher: English at once, remembered on the next load
            new Select(b.driver().findElement(By.id("locale-switcher"))).selectByValue("en");
            b.awaitText(By.id("page-title"), "Your wallet");
            assertEquals("en", b.js("return document.documentElement.lang"));
            b.open("/");
            b.awaitText(By.id("page-title"), "Welcome to Copartner");
            new Select(b.driver().findElement(By.id("locale-switcher"))).selectByValue("zh-CN");
            b.awaitText(By.id("page-title"), "欢迎来到");

            // password sign-in goes to Keycloak with ui_locales: its DID wallet page answers in Chinese
            b.driver().findElement(By.id("password-sign-in")).click();
            b.awaitText(By.id("kc-page-title"), "用 DID 钱包登录");
            assertTrue(b.driver().getCurrentUrl().contains("ui_locales=zh-CN"), b.driver().getCurrentUrl());
            b.screenshot("22-keycloak-did-wallet-zh");
        }
        try (Browser b = Browser.start(base(), "en-US", 1280, 900)) {
            b.open("/");
            b.await(By.id("password-sign-in")).click();
            b.awaitText(By.id("kc-page-title"), "Sign in with your DID wallet");
            b.screenshot("23-keycloak-did-wallet-en");
        }
    }

    @Test
    void clientRoutesServeTheAppWhileServerPathsKeepTheirProblems() {
        given().accept("text/html").get("/account").then().statusCode(200)
            .contentType(containsString("text/html"))
            .body(containsString("<div id=\"app\">"))
            .header("Content-Security-Policy", containsString("script-src 'self'"))
            .header("Content-Security-Policy", not(containsString("unsafe-inline")))
            .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
            .header("X-Content-Type-Options", "nosniff")
            .header("Referrer-Policy", "no-referrer");
        given().accept("text/html").get("/api/v1/no-such-thing").then().statusCode(404)
            .contentType(containsString("application/problem+json"));
        given().accept("text/html").get("/assets/no-such-file.js").then().statusCode(404)
            .contentType(containsString("application/problem+json"));
        given().get("/no-such-page").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/app-config.json").then().statusCode(200)
            .body("clientId", equalTo("copartner-web"))
            .body("keycloakUrl", equalTo(PlatformExtension.settings().keycloakUrl()));
        // the DID sign-in nonce answers the platform's own origin only
        String nonce = PlatformExtension.settings().keycloakUrl() + "/realms/copartner/did-auth/nonce";
        given().header("Origin", base()).post(nonce).then().statusCode(200)
            .header("Access-Control-Allow-Origin", base());
        given().header("Origin", "https://evil.example").post(nonce).then().statusCode(200)
            .header("Access-Control-Allow-Origin", (String) null);
    }
}
