package io.copartner.identity.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The admin-client adapter's failure handling, on RESTEasy's JAX-RS client (the implementation Liberty runs) and
 * with the same provider as in Liberty. No Keycloak here: what is checked is what happens when there is none, when
 * a peer accepts and never answers, and when a gateway in front of it fails. Working against the real Keycloak is
 * {@code MerchantAdminIT}'s part.
 */
class KeycloakAdminTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void keycloakNotListeningIs503() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        KeycloakAdmin admin = admin("http://127.0.0.1:" + port);
        try {
            ProblemException e = assertThrows(ProblemException.class, () -> admin.groupId("merchants"));
            assertEquals(ProblemType.UNAVAILABLE.uri(), e.problem().type());
            assertEquals(503, e.problem().status());
        } finally {
            admin.close();
        }
    }

    @Test
    void keycloakThatNeverAnswersIs503AfterTheReadTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, LOOPBACK)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            KeycloakAdmin admin = admin("http://127.0.0.1:" + silent.getLocalPort());
            try {
                // Without a read timeout this would wait forever; the guard only keeps a broken build from hanging.
                ProblemException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(ProblemException.class, () -> admin.setEnabled("u-1", false)));
                assertEquals(ProblemType.UNAVAILABLE.uri(), e.problem().type());
                assertFalse(held.isEmpty(), "the request reached the silent peer");
            } finally {
                admin.close();
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void gatewayErrorIs503AndNothingElseIsTried() throws IOException {
        HttpServer gateway = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        AtomicInteger requests = new AtomicInteger();
        gateway.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        gateway.start();
        KeycloakAdmin admin = admin("http://127.0.0.1:" + gateway.getAddress().getPort());
        try {
            ProblemException e = assertThrows(ProblemException.class,
                () -> admin.createUser("shop-1", "shop-1@shops.example", "Shop", "pw", Map.of()));
            assertEquals(ProblemType.UNAVAILABLE.uri(), e.problem().type());
            assertEquals(1, requests.get(), "only the token request was sent");
        } finally {
            admin.close();
            gateway.stop(0);
        }
    }

    @Test
    void compensationSwallowsAnOutage() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        KeycloakAdmin admin = admin("http://127.0.0.1:" + port);
        try {
            admin.deleteUserQuietly("u-1");
            admin.deleteGroupQuietly("g-1");
        } finally {
            admin.close();
        }
    }

    @Test
    void keycloakJsonUsesTheJacksonMappingOfTheRepresentations() throws IOException {
        UserRepresentation change = new UserRepresentation();
        change.setEnabled(false);
        // A partial update carries only what changes (nulls left out), as the Admin REST API expects.
        assertEquals("{\"enabled\":false}", KeycloakJson.MAPPER.writeValueAsString(change));
        AccessTokenResponse token = KeycloakJson.MAPPER.readValue(
            "{\"access_token\":\"abc\",\"expires_in\":300,\"token_type\":\"Bearer\",\"not-before-policy\":0,\"x\":1}",
            AccessTokenResponse.class);
        assertEquals("abc", token.getToken());
        assertEquals(300, token.getExpiresIn());
        assertTrue(KeycloakJson.json(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE));
        assertFalse(KeycloakJson.json(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private static KeycloakAdmin admin(String url) {
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.baseUrl = url;
        admin.realm = "copartner";
        admin.clientId = "copartner-platform";
        admin.secret = "secret";
        return admin;
    }
}
