package io.copartner.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.keycloak.did.InvalidAssertionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

/** Nonces are single-use, realm-bound and expire after five minutes. */
class NoncesTest {

    /** Keycloak's single-use store, in memory, with lifespans on a settable clock. */
    static final class FakeStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> values = new HashMap<>();
        final Map<String, Instant> expiry = new HashMap<>();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");

        Clock clock() {
            return new Clock() {
                @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return now; }
            };
        }

        private void expire() {
            expiry.entrySet().removeIf(e -> {
                boolean gone = !now.isBefore(e.getValue());
                if (gone) {
                    values.remove(e.getKey());
                }
                return gone;
            });
        }

        @Override public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            values.put(key, notes);
            expiry.put(key, now.plusSeconds(lifespanSeconds));
        }
        @Override public Map<String, String> get(String key) { expire(); return values.get(key); }
        @Override public Map<String, String> remove(String key) { expire(); expiry.remove(key); return values.remove(key); }
        @Override public boolean replace(String key, Map<String, String> notes) { return values.replace(key, notes) != null; }
        @Override public boolean putIfAbsent(String key, long lifespan) {
            expire();
            if (values.containsKey(key)) {
                return false;
            }
            put(key, lifespan, Map.of());
            return true;
        }
        @Override public boolean contains(String key) { expire(); return values.containsKey(key); }
        @Override public void close() { }
    }

    final FakeStore store = new FakeStore();

    String consumeFails(String realm, String nonce) {
        return assertThrows(InvalidAssertionException.class,
            () -> Nonces.consume(store, realm, nonce, store.clock())).getMessage();
    }

    @Test
    void aNonceIsConsumedOnce() throws Exception {
        String nonce = Nonces.issue(store, "realm-1", store.clock());
        assertEquals(43, nonce.length());
        Nonces.consume(store, "realm-1", nonce, store.clock());
        assertEquals("nonce unknown, expired or already used", consumeFails("realm-1", nonce));
    }

    @Test
    void noncesAreFreshAndBoundToTheirRealm() {
        String a = Nonces.issue(store, "realm-1", store.clock());
        String b = Nonces.issue(store, "realm-1", store.clock());
        assertTrue(!a.equals(b));
        assertEquals("nonce unknown, expired or already used", consumeFails("realm-2", a));
    }

    @Test
    void aNonceExpiresAfterFiveMinutes() throws Exception {
        String fresh = Nonces.issue(store, "r", store.clock());
        String stale = Nonces.issue(store, "r", store.clock());
        store.now = store.now.plus(Duration.ofSeconds(299));
        Nonces.consume(store, "r", fresh, store.clock());
        store.now = store.now.plus(Duration.ofSeconds(2));
        assertEquals("nonce unknown, expired or already used", consumeFails("r", stale));
    }

    @Test
    void anExpiryNoteIsCheckedEvenIfTheStoreStillHoldsTheNonce() {
        String nonce = Nonces.issue(store, "r", store.clock());
        store.expiry.clear(); // a store that evicts late
        store.now = store.now.plusSeconds(301);
        assertEquals("nonce expired", consumeFails("r", nonce));
    }

    @Test
    void malformedNoncesAreUnknown() {
        assertEquals("nonce unknown, expired or already used", consumeFails("r", "x"));
        assertEquals("nonce unknown, expired or already used", consumeFails("r", "a:b:c:d:e:f:g:h:i:j:k"));
        assertEquals("nonce unknown, expired or already used", consumeFails("r", null));
    }

    @Test
    void theLifetimeIsConfigurableOnlyDownwardsFromFiveMinutes() {
        String before = System.getProperty(Nonces.LIFETIME_PROPERTY);
        try {
            System.clearProperty(Nonces.LIFETIME_PROPERTY);
            assertEquals(300, Nonces.lifetimeSeconds());
            System.setProperty(Nonces.LIFETIME_PROPERTY, "10");
            assertEquals(10, Nonces.lifetimeSeconds());
            System.setProperty(Nonces.LIFETIME_PROPERTY, "3600");
            assertEquals(300, Nonces.lifetimeSeconds(), "never longer than the contract's 5 minutes");
            System.setProperty(Nonces.LIFETIME_PROPERTY, "1");
            assertEquals(300, Nonces.lifetimeSeconds(), "too short to sign in: ignored");

            System.setProperty(Nonces.LIFETIME_PROPERTY, "10");
            FakeStore store = new FakeStore();
            String nonce = Nonces.issue(store, "realm", store.clock());
            store.now = store.now.plusSeconds(11);
            assertThrows(InvalidAssertionException.class, () -> Nonces.consume(store, "realm", nonce, store.clock()));
        } finally {
            if (before == null) {
                System.clearProperty(Nonces.LIFETIME_PROPERTY);
            } else {
                System.setProperty(Nonces.LIFETIME_PROPERTY, before);
            }
        }
    }
}
