package io.copartner.identity.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Foreign did:web fetching against an in-test HTTP server on the loopback interface (no outbound requests). */
class DidWebFetcherTest {

    HttpServer server;
    int port;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        port = server.getAddress().getPort();
        serve("/.well-known/did.json", 200, "{\"id\":\"did:web:localhost%3A" + port + "\",\"verificationMethod\":[]}");
        serve("/users/alice/did.json", 200, "{\"id\":\"did:web:localhost%3A" + port + ":users:alice\"}");
        serve("/users/mallory/did.json", 200, "{\"id\":\"did:web:elsewhere.example\"}");
        serve("/users/huge/did.json", 200, "{\"id\":\"" + "x".repeat(DidWebFetcher.MAX_BYTES) + "\"}");
        serve("/users/broken/did.json", 200, "not json");
        serve("/users/moved/did.json", 302, "");
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, int status, String body) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/.well-known/did.json");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
    }

    DidWebFetcher loopbackAllowed() {
        return new DidWebFetcher("http", true, Duration.ofSeconds(2));
    }

    @Test
    void fetchesTheDocumentOfAHostAndOfAPath() throws IOException {
        Map<String, Object> doc = loopbackAllowed().document(DidWeb.parse("did:web:localhost%3A" + port));
        assertEquals("did:web:localhost%3A" + port, doc.get("id"));
        assertEquals(List.of(), doc.get("verificationMethod"));
        assertEquals("did:web:localhost%3A" + port + ":users:alice",
            loopbackAllowed().document(DidWeb.parse("did:web:localhost%3A" + port + ":users:alice")).get("id"));
    }

    @Test
    void refusesWrongDocumentsMissingOnesRedirectsAndHugeOnes() {
        DidWebFetcher f = loopbackAllowed();
        IOException wrongId = assertThrows(IOException.class,
            () -> f.document(DidWeb.parse("did:web:localhost%3A" + port + ":users:mallory")));
        assertTrue(wrongId.getMessage().contains("is not for"), wrongId.getMessage());
        assertThrows(DidWebFetcher.NotFound.class, () -> f.document(DidWeb.parse("did:web:localhost%3A" + port + ":users:bob")));
        assertThrows(IOException.class, () -> f.document(DidWeb.parse("did:web:localhost%3A" + port + ":users:moved")));
        assertThrows(IOException.class, () -> f.document(DidWeb.parse("did:web:localhost%3A" + port + ":users:huge")));
        assertThrows(IOException.class, () -> f.document(DidWeb.parse("did:web:localhost%3A" + port + ":users:broken")));
    }

    @Test
    void neverFetchesFromLoopbackOrPrivateAddressesByDefault() {
        DidWebFetcher guarded = new DidWebFetcher("http", false, Duration.ofSeconds(2));
        IOException e = assertThrows(DidWebFetcher.NotFound.class,
            () -> guarded.document(DidWeb.parse("did:web:localhost%3A" + port)));
        assertTrue(e.getMessage().contains("non-public"), e.getMessage());
        assertThrows(IOException.class, () -> guarded.json(URI.create("http://10.0.0.1/x.json")));
        assertThrows(IOException.class, () -> guarded.json(URI.create("http://192.168.1.1/x.json")));
        assertThrows(IOException.class, () -> guarded.json(URI.create("http://169.254.169.254/latest/meta-data")));
        assertEquals(0, requests.get(), "nothing was requested");
    }

    @Test
    void onlyTheConfiguredSchemeIsFetched() {
        DidWebFetcher https = new DidWebFetcher("https", true, Duration.ofSeconds(2));
        assertThrows(IOException.class, () -> https.json(URI.create("http://localhost:" + port + "/.well-known/did.json")));
        assertEquals(0, requests.get());
    }
}
