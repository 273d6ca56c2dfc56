package io.copartner.identity.keycloak;

import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The Keycloak Admin REST API through keycloak-admin-client, signed in as the confidential client
 * {@code copartner-platform} (client credentials). The admin client runs on Liberty's own JAX-RS client
 * ({@link LibertyClientProvider}; no RESTEasy is packaged) with JSON by Jackson ({@link KeycloakJson}), a 2 s
 * connect and a 5 s read timeout. Keycloak unreachable, too slow or failing with 5xx is a 503 {@code unavailable}
 * problem; an existing username, e-mail or group a 409 {@code conflict}.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final LibertyClientProvider CLIENTS = new LibertyClientProvider(CONNECT_TIMEOUT, READ_TIMEOUT);

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

    private Keycloak keycloak;

    /** Attribute naming the merchant a user was created for (declared in the realm's user profile, admin only). */
    public static final String MERCHANT_ID = "merchantId";
    /** Attribute holding the fingerprint of the keyed request that created the user, so a retry can adopt it. */
    public static final String MERCHANT_REQUEST = "merchantRequest";

    /** A Keycloak user as merchant administration needs it: its id and attributes. */
    public record User(String id, Map<String, List<String>> attributes) {
        public String attribute(String name) {
            List<String> values = attributes == null ? null : attributes.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * Creates an enabled user (the merchant's name as its first name) with the given single-valued attributes and
     * returns its id; 409 if the username or e-mail is taken.
     */
    public String createUser(String username, String email, String displayName, String password,
                             Map<String, String> attributes) {
        UserRepresentation user = new UserRepresentation();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        attributes.forEach((k, v) -> multi.put(k, List.of(v)));
        user.setAttributes(multi);
        user.setUsername(username);
        user.setEmail(email);
        // Keycloak 26's default user profile requires first and last name before the account may sign in.
        user.setFirstName(displayName);
        user.setLastName("Merchant");
        user.setEmailVerified(true);
        user.setEnabled(true);
        if (password != null && !password.isEmpty()) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
        }
        return admin("create user", r -> {
            try (Response resp = r.users().create(user)) {
                if (resp.getStatus() == 409) {
                    throw ProblemException.conflict("A Keycloak user with this username or e-mail exists already.");
                }
                expect(resp, 201, "create user");
                return CreatedResponseUtil.getCreatedId(resp);
            }
        });
    }

    /** The user with exactly this username, if any. */
    public Optional<User> userByUsername(String username) {
        return admin("find user", r -> r.users().search(username, true).stream().findFirst()
            .map(u -> new User(u.getId(), u.getAttributes() == null ? Map.of() : u.getAttributes())));
    }

    /** The id of the subgroup {@code name} of a group, if it exists. */
    public Optional<String> subgroupId(String parentId, String name) {
        return admin("find group " + name, r -> r.groups().group(parentId).getSubGroups(name, true, 0, 2, true)
            .stream().filter(g -> name.equals(g.getName())).map(GroupRepresentation::getId).findFirst());
    }

    public void assignRealmRole(String userId, String role) {
        admin("assign role " + role, r -> {
            RoleRepresentation rep = r.roles().get(role).toRepresentation();
            r.users().get(userId).roles().realmLevel().add(List.of(rep));
            return null;
        });
    }

    /** The realm roles assigned to the user directly (not through composites or groups). */
    public Set<String> realmRoles(String userId) {
        return admin("read roles", r -> r.users().get(userId).roles().realmLevel().listAll().stream()
            .map(RoleRepresentation::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    public void addRealmRoles(String userId, Set<String> roles) {
        if (!roles.isEmpty()) {
            admin("add roles " + roles, r -> {
                r.users().get(userId).roles().realmLevel().add(representations(r, roles));
                return null;
            });
        }
    }

    public void removeRealmRoles(String userId, Set<String> roles) {
        if (!roles.isEmpty()) {
            admin("remove roles " + roles, r -> {
                r.users().get(userId).roles().realmLevel().remove(representations(r, roles));
                return null;
            });
        }
    }

    private static List<RoleRepresentation> representations(RealmResource r, Set<String> roles) {
        return roles.stream().map(name -> r.roles().get(name).toRepresentation()).toList();
    }

    /** The id of a top-level group by name. */
    public String groupId(String path) {
        return admin("find group " + path, r -> r.getGroupByPath(path).getId());
    }

    public String createSubgroup(String parentId, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        return admin("create group", r -> {
            try (Response resp = r.groups().group(parentId).subGroup(group)) {
                if (resp.getStatus() == 409) {
                    throw ProblemException.conflict("The Keycloak group " + name + " exists already.");
                }
                expect(resp, 201, "create group");
                return resp.getLocation() != null ? CreatedResponseUtil.getCreatedId(resp)
                    : resp.readEntity(GroupRepresentation.class).getId();
            }
        });
    }

    public void joinGroup(String userId, String groupId) {
        admin("join group", r -> {
            r.users().get(userId).joinGroup(groupId);
            return null;
        });
    }

    public void setEnabled(String userId, boolean enabled) {
        UserRepresentation change = new UserRepresentation();
        change.setEnabled(enabled);
        admin(enabled ? "enable user" : "disable user", r -> {
            r.users().get(userId).update(change);
            return null;
        });
    }

    /** Best effort, for compensation: a failure is logged, not thrown. */
    public void deleteUserQuietly(String userId) {
        deleteQuietly("user " + userId, r -> {
            try (Response resp = r.users().delete(userId)) {
                return resp.getStatus();
            }
        });
    }

    public void deleteGroupQuietly(String groupId) {
        deleteQuietly("group " + groupId, r -> {
            r.groups().group(groupId).remove();
            return 204;
        });
    }

    private void deleteQuietly(String what, Function<RealmResource, Integer> delete) {
        try {
            int status = admin("delete " + what, r -> {
                try {
                    return delete.apply(r);
                } catch (jakarta.ws.rs.NotFoundException e) {
                    return 404;
                }
            });
            if (status != 204 && status != 404) {
                LOG.warning("Keycloak compensation: deleting " + what + " answered " + status);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keycloak compensation: deleting " + what + " failed", e);
        }
    }

    /**
     * One admin operation. A 401 (the cached token no longer accepted) signs in afresh and tries once more;
     * Keycloak unreachable, timing out or answering 5xx is 503; any other refusal is an internal error.
     */
    private <T> T admin(String what, Function<RealmResource, T> operation) {
        try {
            signIn(false);
            try {
                return operation.apply(realm());
            } catch (NotAuthorizedException e) {
                signIn(true);
                return operation.apply(realm());
            }
        } catch (ProcessingException e) {
            // Connection refused, connect or read timeout.
            throw ProblemException.unavailable("Keycloak is unavailable; try again later.", e);
        } catch (WebApplicationException e) {
            throw refused(what, e.getResponse());
        }
    }

    /** The platform's access token (cached by the admin client until shortly before it expires). */
    private void signIn(boolean renew) {
        try {
            if (renew) {
                client().tokenManager().grantToken();
            } else {
                client().tokenManager().getAccessTokenString();
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            throw ProblemException.unavailable("The platform cannot sign in to Keycloak (" + status + ").", e);
        }
    }

    /** Response-returning proxy methods do not throw: an unexpected status is handled as a void method's would be. */
    private static void expect(Response resp, int status, String what) {
        if (resp.getStatus() == 401) {
            throw new NotAuthorizedException(resp);
        }
        if (resp.getStatus() != status) {
            throw refused(what, resp);
        }
    }

    private static ProblemException refused(String what, Response resp) {
        int status = resp == null ? 0 : resp.getStatus();
        if (status >= 500) {
            return ProblemException.unavailable("Keycloak answered " + status + "; try again later.");
        }
        return ProblemException.internal("Keycloak refused to " + what + ": " + status + " " + body(resp), null);
    }

    private RealmResource realm() {
        return client().realm(realm);
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            // Keycloak's class initialisation finds LibertyClientProvider through META-INF/services (its fallback,
            // the RESTEasy-bound classic provider, cannot load here); this instance carries our timeouts.
            Keycloak.setClientProvider(CLIENTS);
            keycloak = KeycloakBuilder.builder().serverUrl(baseUrl).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret)
                .resteasyClient(CLIENTS.newRestEasyClient(null, null, false)).build();
        }
        return keycloak;
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    private static String body(Response resp) {
        if (resp == null) {
            return "";
        }
        try {
            String s = resp.readEntity(String.class);
            return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
