package io.copartner.keycloak;

import io.copartner.kernel.encoding.DidKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** The Keycloak user of a DID: the one whose {@code did} attribute equals it, else a new partner. */
public final class DidUsers {

    public static final String DID_ATTRIBUTE = "did";
    public static final String PARTNER_ROLE = "partner";
    private static final Logger LOG = Logger.getLogger(DidUsers.class);

    private DidUsers() {
    }

    public static UserModel find(KeycloakSession session, RealmModel realm, String did) {
        return session.users().searchForUserByUserAttributeStream(realm, DID_ATTRIBUTE, did)
            .filter(u -> did.equals(u.getFirstAttribute(DID_ATTRIBUTE)))
            .findFirst().orElse(null);
    }

    /** Finds the DID's user or registers one with the realm role {@value #PARTNER_ROLE}. */
    public static UserModel findOrRegister(KeycloakSession session, RealmModel realm, DidKey did) {
        UserModel user = find(session, realm, did.did());
        if (user != null) {
            return user;
        }
        String username = freeUsername(session, realm, did);
        user = session.users().addUser(realm, username);
        user.setEnabled(true);
        user.setSingleAttribute(DID_ATTRIBUTE, did.did());
        RoleModel partner = realm.getRole(PARTNER_ROLE);
        if (partner != null) {
            user.grantRole(partner);
        } else {
            LOG.warnf("realm %s has no role %s: DID user %s registered without it", realm.getName(), PARTNER_ROLE,
                username);
        }
        LOG.debugf("registered DID user %s for %s", username, did.did());
        return user;
    }

    /** {@code did-} + the first 24 base58 characters, lower-case; longer forms only if that name is taken. */
    static String freeUsername(KeycloakSession session, RealmModel realm, DidKey did) {
        for (String candidate : usernames(did)) {
            if (session.users().getUserByUsername(realm, candidate) == null) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free username for " + did.did());
    }

    static String[] usernames(DidKey did) {
        String base58 = did.methodSpecificId().substring(1).toLowerCase(Locale.ROOT);
        return new String[] {
            "did-" + base58.substring(0, Math.min(24, base58.length())),
            "did-" + base58,
            "did-" + sha256Hex(did.did()).substring(0, 40)};
    }

    /** The username a DID gets when nothing collides. */
    public static String preferredUsername(DidKey did) {
        return usernames(did)[0];
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
