package io.copartner.tokenguard;

import static io.copartner.tokenguard.ForgeryCheck.Verdict.FORGED;
import static io.copartner.tokenguard.ForgeryCheck.Verdict.UNDECIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard's verdicts against a real JWKS served over HTTP on 127.0.0.1, as Keycloak serves its own. */
class ForgeryCheckTest {

    private final List<RSAKey> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer issuer;
    private ForgeryCheck check;
    private RSAKey realKey;

    @BeforeEach
    void start() throws Exception {
        realKey = new RSAKeyGenerator(2048).keyID("real").generate();
        published.add(realKey);
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body;
            synchronized (published) {
                body = new JWKSet(new ArrayList<>(published)).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        check = new ForgeryCheck(keysAt("http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs"));
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    private static IssuerKeys keysAt(String uri) {
        return new IssuerKeys(URI.create(uri), Duration.ofMinutes(5), Duration.ZERO, Clock.systemUTC());
    }

    private static String signed(RSAKey key, String kid, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
            new JWTClaimsSet.Builder().subject(subject).issuer("https://issuer.example").build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aGenuineTokenIsLeftToMpJwtAndItsSecondUseCostsNoFetch() throws Exception {
        String token = signed(realKey, "real", "alice");
        assertEquals(UNDECIDED, check.judge(token));
        assertEquals(UNDECIDED, check.judge(token));
        assertEquals(1, fetches.get());
    }

    @Test
    void aTamperedCopyOfAGenuineTokenKeepsTheSignatureAndIsForged() throws Exception {
        String[] parts = signed(realKey, "real", "alice").split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"sub\":\"admin\",\"iss\":\"https://issuer.example\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(FORGED, check.judge(parts[0] + "." + otherPayload + "." + parts[2]));
    }

    @Test
    void anotherKeyUnderTheIssuersKidIsForged() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("real").generate();
        assertEquals(FORGED, check.judge(signed(attacker, "real", "alice")));
    }

    @Test
    void aKidTheIssuerDoesNotPublishIsForgedUntilItIsPublished() throws Exception {
        RSAKey added = new RSAKeyGenerator(2048).keyID("added").generate();
        String token = signed(added, "added", "bob");
        check.judge(signed(realKey, "real", "warm-up"));
        assertEquals(FORGED, check.judge(token));
        synchronized (published) {
            published.add(added);
        }
        assertEquals(UNDECIDED, check.judge(token), "a key the realm added is fetched at its first use");
    }

    @Test
    void whatIsNotAnRs256JwsIsForged() throws Exception {
        String claims = "{\"sub\":\"alice\"}";
        assertEquals(FORGED, check.judge(new PlainJWT(JWTClaimsSet.parse(claims)).serialize()), "alg none");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("real").build(),
            JWTClaimsSet.parse(claims));
        hs.sign(new MACSigner(new byte[32]));
        assertEquals(FORGED, check.judge(hs.serialize()), "HS256");
        assertEquals(FORGED, check.judge("not-a-token"));
        String genuine = signed(realKey, "real", "alice");
        assertEquals(FORGED, check.judge(genuine.substring(0, genuine.length() - 5)), "truncated signature");
    }

    @Test
    void withoutAnyKeyNothingIsJudged() throws Exception {
        issuer.stop(0);
        ForgeryCheck blind = new ForgeryCheck(keysAt("http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs"));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("real").generate();
        assertEquals(UNDECIDED, blind.judge(signed(attacker, "real", "alice")),
            "an unreachable issuer must not turn good tokens into 401s");
    }

    @Test
    void onlyABearerHeaderCarriesAToken() {
        assertEquals("abc.def.ghi", BearerTokenGuard.bearer("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokenGuard.bearer("bearer  abc.def.ghi "));
        assertNull(BearerTokenGuard.bearer("Basic YWxpY2U6cHc="));
        assertNull(BearerTokenGuard.bearer("Bearer "));
        assertNull(BearerTokenGuard.bearer(null));
    }

    /**
     * Under concurrent load from a cold start (the production refresh gap, every thread's first token at once) a
     * genuine token is never judged forged and a tampered one always is: the guard and its JWKS cache are not what
     * made valid tokens 403 when the guard was wired with initializeAtFirstRequest (docs/reliability.md).
     */
    @Test
    void concurrentCallersFromAColdCacheGetTheSameVerdictsAsOne() throws Exception {
        ForgeryCheck cold = new ForgeryCheck(new IssuerKeys(
            URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs"),
            Duration.ofMinutes(5), Duration.ofMillis(200), Clock.systemUTC()));
        int threads = 32;
        List<String> genuine = new ArrayList<>();
        List<String> tampered = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String token = signed(realKey, "real", "caller-" + i);
            genuine.add(token);
            String[] parts = token.split("\\.");
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"admin-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
            tampered.add(parts[0] + "." + payload + "." + parts[2]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<ForgeryCheck.Verdict>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    List<ForgeryCheck.Verdict> v = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        v.add(cold.judge(genuine.get((n + round) % threads)));
                        v.add(cold.judge(tampered.get((n + round) % threads)));
                    }
                    return v;
                }));
            }
            go.countDown();
            for (var r : results) {
                List<ForgeryCheck.Verdict> v = r.get(60, java.util.concurrent.TimeUnit.SECONDS);
                for (int k = 0; k < v.size(); k += 2) {
                    assertEquals(UNDECIDED, v.get(k), "a genuine token judged forged under concurrency");
                    assertEquals(FORGED, v.get(k + 1), "a tampered token let through under concurrency");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
