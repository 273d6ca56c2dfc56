package io.copartner.tokenguard;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer's RSA signing keys by kid, from its JWKS. Fetched lazily, refreshed every {@code maxAge}, and at once
 * (at most once per {@code minRefreshGap}) when a kid is unknown, so a key the realm just added is found. A failed
 * fetch keeps the keys known before: a Keycloak outage must not make good tokens look forged.
 */
final class IssuerKeys {

    private final URI jwksUri;
    private final Duration maxAge;
    private final Duration minRefreshGap;
    private final Clock clock;
    private final DefaultResourceRetriever http = new DefaultResourceRetriever(2_000, 2_000, 512 * 1024);

    private volatile Map<String, RSAPublicKey> byKid = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private volatile Instant triedAt = Instant.EPOCH;

    IssuerKeys(URI jwksUri, Duration maxAge, Duration minRefreshGap, Clock clock) {
        this.jwksUri = jwksUri;
        this.maxAge = maxAge;
        this.minRefreshGap = minRefreshGap;
        this.clock = clock;
    }

    /** The key with that kid, refreshing the set when it is stale or lacks the kid; empty if still unknown. */
    Optional<RSAPublicKey> key(String kid) {
        Instant now = clock.instant();
        RSAPublicKey known = byKid.get(kid);
        if (known != null && now.isBefore(fetchedAt.plus(maxAge))) {
            return Optional.of(known);
        }
        refresh(now);
        return Optional.ofNullable(byKid.get(kid));
    }

    /** Whether any key was ever fetched (without keys the guard cannot tell a forgery and lets mpJwt decide). */
    boolean loaded() {
        return !byKid.isEmpty();
    }

    private synchronized void refresh(Instant now) {
        if (now.isBefore(triedAt.plus(minRefreshGap))) {
            return; // another caller just fetched (or failed to): use what it got
        }
        triedAt = now;
        try {
            JWKSet set = JWKSet.parse(http.retrieveResource(jwksUri.toURL()).getContent());
            Map<String, RSAPublicKey> keys = new HashMap<>();
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    keys.put(jwk.getKeyID(), rsa.toRSAPublicKey());
                }
            }
            byKid = Map.copyOf(keys);
            fetchedAt = now;
        } catch (Exception unreachableOrBad) {
            // Keep the previous keys; the next unknown kid after minRefreshGap tries again.
        }
    }
}
