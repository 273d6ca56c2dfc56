package io.copartner.keycloak;

import io.copartner.keycloak.did.InvalidAssertionException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Sign-in challenges in Keycloak's single-use object store (Infinispan; works with {@code --cache=local}): each
 * nonce is bound to its realm, lives {@link #lifetimeSeconds()} and can be consumed once.
 */
public final class Nonces {

    /** The most the sign-in contract allows, and the default. */
    public static final long MAX_LIFETIME_SECONDS = 300;
    /**
     * JVM property that shortens the lifetime (5 to 300 s), so a test can watch a real nonce expire; set through
     * {@code JAVA_OPTS_APPEND} by the launcher.
     */
    public static final String LIFETIME_PROPERTY = "copartner.did-auth.nonce-lifetime";
    private static final String KEY_PREFIX = "copartner-did-nonce:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    /** A fresh 256-bit nonce (base64url, 43 characters), stored for this realm. */
    public static String issue(SingleUseObjectProvider store, String realmId, Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long lifetime = lifetimeSeconds();
        long exp = clock.instant().getEpochSecond() + lifetime;
        store.put(key(realmId, nonce), lifetime, Map.of("exp", Long.toString(exp)));
        return nonce;
    }

    /** How long a nonce issued now lives: {@value #LIFETIME_PROPERTY} if set and in 5..300, else 300. */
    public static long lifetimeSeconds() {
        long configured = Long.getLong(LIFETIME_PROPERTY, MAX_LIFETIME_SECONDS);
        return configured >= 5 && configured <= MAX_LIFETIME_SECONDS ? configured : MAX_LIFETIME_SECONDS;
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
