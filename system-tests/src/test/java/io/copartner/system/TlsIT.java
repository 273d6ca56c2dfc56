package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTPS as production turns it on: the shipped liberty-config/src/main/liberty/tls/copartner-tls.xml dropped into
 * the running server's configDropins/overrides with a keystore holding a self-signed certificate for 127.0.0.1
 * that this test makes with keytool. Liberty picks the dropin up without a restart; the test takes it away again.
 * It changes the server's features, so it runs after the ordinary scenarios.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 5)
class TlsIT {

    @Test
    void httpsServesTheApiWithTheConfiguredCertificate() throws Exception {
        var s = PlatformExtension.settings();
        Path dir = Files.createTempDirectory("copartner-tls");
        Path keystore = dir.resolve("copartner.p12");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        LogSecretsIT.SECRETS_USED.add(password);
        keytool("-genkeypair", "-alias", "copartner", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
            "-keystore", keystore.toString(), "-storepass", password);
        Path cert = dir.resolve("copartner.crt");
        keytool("-exportcert", "-rfc", "-alias", "copartner", "-keystore", keystore.toString(),
            "-storepass", password, "-file", cert.toString());

        int httpsPort = s.httpPort() + 363;
        Path overrides = s.libertyHome().resolve("usr/servers").resolve(s.libertyServer())
            .resolve("configDropins/overrides");
        Files.createDirectories(overrides);
        Path tls = overrides.resolve("copartner-tls.xml");
        long start = System.nanoTime();
        try {
            // What production sets through the environment; here the server is already running, so the
            // shipped dropin with its variables given values (one file: no question of which dropin wins).
            String template = Files.readString(Path.of(System.getProperty("copartner.repo.root"))
                .resolve("liberty-config/src/main/liberty/tls/copartner-tls.xml"));
            write(tls, withValue(withValue(withValue(template, "copartner.https.port", Integer.toString(httpsPort)),
                "copartner.tls.keystore", keystore.toString()), "copartner.tls.keystore.password", password));

            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert))
                .connectTimeout(Duration.ofSeconds(5)).build();
            URI health = URI.create("https://127.0.0.1:" + httpsPort + "/health/ready");
            HttpResponse<String> ready = Await.until(Duration.ofSeconds(120), () -> get(trusting, health));
            assertEquals(200, ready.statusCode(), ready.body());
            System.out.printf("[tls] HTTPS on %d after %d ms (%s)%n", httpsPort, (System.nanoTime() - start) / 1_000_000,
                ready.sslSession().map(x -> x.getProtocol() + " " + x.getCipherSuite()).orElse("?"));
            assertTrue(ready.sslSession().orElseThrow().getProtocol().startsWith("TLSv1."));
            HttpResponse<String> api = trusting.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + httpsPort + "/api/v1/audit/checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode());
            assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(null));
            // A client that does not trust the certificate is refused in the handshake.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try {
                plain.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("an unknown self-signed certificate was accepted");
            } catch (SSLHandshakeException expected) {
                // the JDK's trust store does not know our certificate
            }
        } finally {
            Files.deleteIfExists(tls);
        }
        // Back to plain HTTP only, the platform healthy for the scenarios after this one.
        Await.until(Duration.ofSeconds(120), () -> given().get("/health/ready").statusCode() == 200 ? true : null);
    }

    /** The template's {@code <variable name="..." defaultValue="..."/>} of this name, with a value instead. */
    static String withValue(String xml, String name, String value) {
        String pattern = "<variable name=\"" + java.util.regex.Pattern.quote(name) + "\" defaultValue=\"[^\"]*\"/>";
        String replaced = xml.replaceFirst(pattern, java.util.regex.Matcher.quoteReplacement(
            "<variable name=\"" + name + "\" value=\"" + value + "\"/>"));
        assertTrue(!replaced.equals(xml), "the template defines " + name);
        return replaced;
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r : null;
        } catch (ConnectException notYetListening) {
            return null;
        } catch (IOException | InterruptedException e) {
            // The port opens before its TLS configuration is complete: a reset or closed handshake, try again.
            return null;
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("copartner", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "dropin", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
