package io.copartner.identity.keycloak;

import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak Admin REST API as the confidential client {@code copartner-platform} (client credentials) sees it,
 * over the JDK HttpClient and JSON-P. (The keycloak-admin-client jar brings its own RESTEasy client, which would
 * sit in WEB-INF/lib beside Liberty's restfulWS; this adapter avoids that class-loading question entirely.)
 * Keycloak unreachable or failing with 5xx is a 503 {@code unavailable} problem.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    @ConfigProperty(name = "copartner.keycloak.url", defaultValue = "http://127.0.0.1:8180")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "copartner.keycloak.realm", defaultValue = "copartner")
    String realm;

    @Inject
    @ConfigProperty(name = "copartner.keycloak.platform.client-id", defaultValue = "copartner-platform")
    String clientId;

    @Inject
    @ConfigProperty(name = "copartner.keycloak.platform.secret", defaultValue = "copartner-platform-dev-secret")
    String secret;

    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    /** Creates an enabled user (the merchant's name as its first name) and returns its id; 409 if the username or e-mail is taken. */
    public String createUser(String username, String email, String displayName, String password) {
        // Keycloak 26's default user profile requires first and last name before the account may sign in.
        JsonObjectBuilder user = Json.createObjectBuilder().add("username", username).add("email", email)
            .add("firstName", displayName).add("lastName", "Merchant")
            .add("emailVerified", true).add("enabled", true);
        if (password != null && !password.isEmpty()) {
            user.add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                .add("value", password).add("temporary", false)));
        }
        HttpResponse<String> resp = send("POST", "/users", user.build());
        if (resp.statusCode() == 409) {
            throw ProblemException.conflict("A Keycloak user with this username or e-mail exists already.");
        }
        expect(resp, 201, "create user");
        return idFromLocation(resp);
    }

    public void assignRealmRole(String userId, String role) {
        HttpResponse<String> r = send("GET", "/roles/" + enc(role), null);
        expect(r, 200, "read role " + role);
        JsonObject rep = parse(r.body()).asJsonObject();
        expect(send("POST", "/users/" + enc(userId) + "/role-mappings/realm", Json.createArrayBuilder().add(rep).build()),
            204, "assign role");
    }

    /** The id of a top-level group by name. */
    public String groupId(String path) {
        HttpResponse<String> r = send("GET", "/group-by-path/" + enc(path), null);
        expect(r, 200, "find group " + path);
        return parse(r.body()).asJsonObject().getString("id");
    }

    public String createSubgroup(String parentId, String name) {
        HttpResponse<String> r = send("POST", "/groups/" + enc(parentId) + "/children",
            Json.createObjectBuilder().add("name", name).build());
        if (r.statusCode() == 409) {
            throw ProblemException.conflict("The Keycloak group " + name + " exists already.");
        }
        expect(r, 201, "create group");
        return r.headers().firstValue("Location").isPresent() ? idFromLocation(r)
            : parse(r.body()).asJsonObject().getString("id");
    }

    public void joinGroup(String userId, String groupId) {
        expect(send("PUT", "/users/" + enc(userId) + "/groups/" + enc(groupId), null), 204, "join group");
    }

    public void setEnabled(String userId, boolean enabled) {
        expect(send("PUT", "/users/" + enc(userId), Json.createObjectBuilder().add("enabled", enabled).build()), 204,
            enabled ? "enable user" : "disable user");
    }

    /** Best effort, for compensation: a failure is logged, not thrown. */
    public void deleteUserQuietly(String userId) {
        deleteQuietly("/users/" + enc(userId));
    }

    public void deleteGroupQuietly(String groupId) {
        deleteQuietly("/groups/" + enc(groupId));
    }

    private void deleteQuietly(String path) {
        try {
            int status = send("DELETE", path, null).statusCode();
            if (status != 204 && status != 404) {
                LOG.warning("Keycloak compensation DELETE " + path + " answered " + status);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keycloak compensation DELETE " + path + " failed", e);
        }
    }

    private HttpResponse<String> send(String method, String path, JsonStructure body) {
        HttpResponse<String> resp = exchange(method, path, body, accessToken(false));
        if (resp.statusCode() == 401) {
            resp = exchange(method, path, body, accessToken(true));
        }
        if (resp.statusCode() >= 500) {
            throw ProblemException.unavailable("Keycloak answered " + resp.statusCode() + "; try again later.");
        }
        return resp;
    }

    private HttpResponse<String> exchange(String method, String path, JsonStructure body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + enc(realm) + path))
            .timeout(TIMEOUT).header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return call(b.build());
    }

    private synchronized String accessToken(boolean renew) {
        if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + enc(realm)
                + "/protocol/openid-connect/token")).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> resp = call(req);
        if (resp.statusCode() != 200) {
            throw ProblemException.unavailable("The platform cannot sign in to Keycloak (" + resp.statusCode() + ").");
        }
        JsonObject json = parse(resp.body()).asJsonObject();
        token = json.getString("access_token");
        tokenExpires = Instant.now().plusSeconds(Math.max(5, json.getInt("expires_in", 60) - 15));
        return token;
    }

    private HttpResponse<String> call(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProblemException.unavailable("Keycloak is unavailable; try again later.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while calling Keycloak.", e);
        }
    }

    private static void expect(HttpResponse<String> resp, int status, String what) {
        if (resp.statusCode() != status) {
            throw ProblemException.internal("Keycloak refused to " + what + ": " + resp.statusCode() + " "
                + abbreviate(resp.body()), null);
        }
    }

    private static String idFromLocation(HttpResponse<String> resp) {
        String location = resp.headers().firstValue("Location")
            .orElseThrow(() -> ProblemException.internal("Keycloak sent no Location", null));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonValue parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
