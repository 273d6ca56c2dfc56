package io.copartner.identity.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A small LRU cache whose entries expire; failures are not cached. */
final class TtlCache<V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final int maxSize;
    private final long ttlNanos;
    private final Map<String, Entry<V>> map;

    TtlCache(int maxSize, Duration ttl) {
        this.maxSize = maxSize;
        this.ttlNanos = ttl.toNanos();
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > TtlCache.this.maxSize;
            }
        };
    }

    V get(String key, Supplier<V> load) {
        long now = System.nanoTime();
        synchronized (map) {
            Entry<V> e = map.get(key);
            if (e != null && now - e.expiresAtNanos < 0) {
                return e.value;
            }
        }
        V value = load.get();
        if (ttlNanos > 0) {
            synchronized (map) {
                map.put(key, new Entry<>(value, now + ttlNanos));
            }
        }
        return value;
    }

    void clear() {
        synchronized (map) {
            map.clear();
        }
    }
}
