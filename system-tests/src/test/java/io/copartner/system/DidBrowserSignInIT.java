package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DID sign-in in Keycloak's browser flow, as the web UI uses it: the authorization endpoint shows the DID wallet
 * page with a nonce, the wallet signs the same JWT as for the token endpoint, the form post completes the
 * authorization code flow (PKCE) and the token carries the DID. Driven over plain HTTP with a cookie jar, the way
 * a browser would, without a browser.
 */
@ExtendWith(PlatformExtension.class)
class DidBrowserSignInIT {

    static final String CLIENT = "copartner-web";

    /** One browser: its cookie jar, the PKCE verifier of its current authorization request, the page it shows. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final String verifier = b64(random(32));
        final String redirectUri = PlatformExtension.settings().baseUrl() + "/signed-in";
        String page;

        /** Opens the authorization endpoint; Keycloak answers with the sign-in page of its browser flow. */
        Browser open() throws Exception {
            String challenge = b64(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String url = DidSignInIT.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "state", "s-" + b64(random(8)), "code_challenge", challenge, "code_challenge_method", "S256"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            page = r.body();
            return this;
        }

        String nonce() {
            return element("did-nonce");
        }

        String audience() {
            return element("did-audience");
        }

        /** Posts the pasted JWT to the page's form; returns Keycloak's answer. */
        HttpResponse<String> submit(String assertion) throws Exception {
            return post(action("kc-did-wallet-form"), Map.of("assertion", assertion));
        }

        /** Follows "Try another way" and picks the option shown as {@code label}; returns the new page. */
        Browser anotherWay(String label) throws Exception {
            post(action("kc-select-try-another-way-form"), Map.of("tryAnotherWay", "on"));
            Matcher option = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"(?:(?!</li>).)*?"
                + Pattern.quote(label), Pattern.DOTALL).matcher(page);
            assertTrue(option.find(), () -> "no option " + label + " on: " + page);
            post(action("kc-select-credential-form"), Map.of("authenticationExecution", option.group(1)));
            return this;
        }

        HttpResponse<String> password(String username, String password) throws Exception {
            return post(action("kc-form-login"), Map.of("username", username, "password", password));
        }

        private String action(String formId) {
            Matcher m = Pattern.compile("id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(page);
            assertTrue(m.find(), () -> "no form #" + formId + " on: " + page);
            return m.group(1).replace("&amp;", "&");
        }

        private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                page = r.body();
            }
            return r;
        }

        /** The code from a redirect to the client, traded for tokens with the PKCE verifier. */
        JsonPath tokens(HttpResponse<String> redirect) {
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(redirectUri), location);
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            assertTrue(code.find(), location);
            return given().baseUri(DidSignInIT.issuer()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code")
                .formParam("code", urlDecode(code.group(1)))
                .formParam("redirect_uri", redirectUri)
                .formParam("client_id", CLIENT)
                .formParam("code_verifier", verifier)
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        }

        private String element(String id) {
            Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
            assertTrue(m.find(), () -> "no #" + id + " on the page: " + page);
            return m.group(1).strip();
        }
    }

    /**
     * A cookie jar that, like browsers on loopback, sends Keycloak's {@code Secure} cookies over http://127.0.0.1
     * (java.net.CookieManager would not). One host, so names alone key the jar.
     */
    static final class LoopbackCookies extends CookieHandler {
        private final Map<String, String> jar = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            for (Map.Entry<String, List<String>> h : responseHeaders.entrySet()) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase("Set-Cookie")) {
                    for (String cookie : h.getValue()) {
                        String pair = cookie.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String name = pair.substring(0, eq).strip();
                        String value = pair.substring(eq + 1).strip();
                        boolean expired = cookie.toLowerCase(Locale.ROOT).contains("max-age=0");
                        if (expired || value.isEmpty()) {
                            jar.remove(name);
                        } else {
                            jar.put(name, value);
                        }
                    }
                }
            }
        }
    }

    static String assertion(DidWallet w, Browser b) {
        return w.sign(DidSignInIT.claims(w.did, b.audience(), b.nonce(), Instant.now().getEpochSecond(), 120));
    }

    @Test
    void theBrowserFlowShowsANonceAndSignsTheWalletInWithTheAuthorizationCodeFlow() throws Exception {
        Browser b = new Browser().open();
        assertEquals(DidSignInIT.tokenEndpoint(), b.audience(), "the page names the same audience as the grant");
        assertTrue(b.nonce().matches("[A-Za-z0-9_-]{43}"), b.nonce());
        DidWallet w = DidWallet.create(DidWallet.Type.SECP256K1);

        HttpResponse<String> done = b.submit(assertion(w, b));
        assertEquals(302, done.statusCode(), done.body());
        JsonPath tokens = b.tokens(done);
        String access = tokens.getString("access_token");
        assertEquals(w.did, DidSignInIT.payload(access).getString("did"));
        assertEquals(w.did, DidSignInIT.payload(tokens.getString("id_token")).getString("did"));
        given().auth().oauth2(access).when().get("/api/v1/me")
            .then().statusCode(200)
            .body("did", equalTo(w.did))
            .body("roles", hasItem("partner"));

        // The same DID through the token endpoint grant is the same Keycloak user.
        String viaGrant = DidSignInIT.token(DidSignInIT.assertion(w, DidSignInIT.nonce()))
            .then().statusCode(200).extract().path("access_token");
        assertEquals(DidSignInIT.payload(access).getString("sub"), DidSignInIT.payload(viaGrant).getString("sub"));
    }

    @Test
    void aJwtOverAnotherNonceIsRefusedOnThePageWithANewNonce() throws Exception {
        Browser b = new Browser().open();
        String first = b.nonce();
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String overEndpointNonce = w.sign(DidSignInIT.claims(w.did, b.audience(), DidSignInIT.nonce(),
            Instant.now().getEpochSecond(), 120));

        HttpResponse<String> refused = b.submit(overEndpointNonce);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("does not sign this page"), "the page says why");
        assertNotEquals(first, b.nonce(), "a refused attempt gets a fresh nonce");
        assertFalse(refused.headers().firstValue("Location").isPresent());

        // The fresh nonce works.
        HttpResponse<String> done = b.submit(assertion(w, b));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals(w.did, DidSignInIT.payload(b.tokens(done).getString("access_token")).getString("did"));
    }

    @Test
    void aPageJwtCannotBeReplayedOnAnotherPageOrAtTheTokenEndpoint() throws Exception {
        Browser b = new Browser().open();
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String jwt = assertion(w, b);
        assertEquals(302, b.submit(jwt).statusCode());

        Browser other = new Browser().open();
        HttpResponse<String> replay = other.submit(jwt);
        assertEquals(200, replay.statusCode(), "refused, the page is shown again");
        assertTrue(replay.body().contains("does not sign this page"));
        DidSignInIT.refused(DidSignInIT.token(jwt), "nonce unknown, expired or already used");
    }

    @Test
    void passwordUsersTakeAnotherWayFromTheWalletPage() throws Exception {
        Browser b = new Browser().open();
        assertTrue(b.page.contains("did-nonce"), "the DID wallet page comes first");
        HttpResponse<String> done = b.anotherWay("Username and password").password("partner", "partner");
        assertEquals(302, done.statusCode(), done.body());
        JsonPath claims = DidSignInIT.payload(b.tokens(done).getString("access_token"));
        assertEquals("partner", claims.getString("preferred_username"));
        assertTrue(claims.getList("groups").contains("partner"));
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedOnThePage() throws Exception {
        Browser b = new Browser().open();
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        DidWallet thief = DidWallet.create(DidWallet.Type.ED25519);
        String forged = thief.sign(DidSignInIT.claims(w.did, b.audience(), b.nonce(),
            Instant.now().getEpochSecond(), 120), w.kid());
        HttpResponse<String> r = b.submit(forged);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("signature does not verify"), "the page says why");
    }

    private static String urlDecode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
