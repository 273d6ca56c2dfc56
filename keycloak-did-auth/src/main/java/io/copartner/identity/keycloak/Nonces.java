package io.copartner.identity.keycloak;

import io.copartner.identity.keycloak.did.InvalidAssertionException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Sign-in challenges in Keycloak's single-use object store (Infinispan; works with {@code --cache=local}): each
 * nonce is bound to its realm, lives {@link #LIFETIME_SECONDS} and can be consumed once.
 */
public final class Nonces {

    public static final long LIFETIME_SECONDS = 300;
    private static final String KEY_PREFIX = "copartner-did-nonce:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    /** A fresh 256-bit nonce (base64url, 43 characters), stored for this realm. */
    public static String issue(SingleUseObjectProvider store, String realmId, Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long exp = clock.instant().getEpochSecond() + LIFETIME_SECONDS;
        store.put(key(realmId, nonce), LIFETIME_SECONDS, Map.of("exp", Long.toString(exp)));
        return nonce;
    }

    /**
     * Removes the nonce; succeeds only for a nonce issued for this realm, not used before and not expired.
     *
     * @throws InvalidAssertionException otherwise
     */
    public static void consume(SingleUseObjectProvider store, String realmId, String nonce, Clock clock)
        throws InvalidAssertionException {
        if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new InvalidAssertionException("nonce unknown, expired or already used");
        }
        Map<String, String> notes = store.remove(key(realmId, nonce));
        if (notes == null) {
            throw new InvalidAssertionException("nonce unknown, expired or already used");
        }
        String exp = notes.get("exp");
        if (exp == null || clock.instant().getEpochSecond() > Long.parseLong(exp)) {
            throw new InvalidAssertionException("nonce expired");
        }
    }

    private static String key(String realmId, String nonce) {
        return KEY_PREFIX + realmId + ":" + nonce;
    }
}
