package io.copartner.kernel.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an IP, a client): each holds up to {@code burst} tokens and regains {@code perSecond} of
 * them per second; a request takes one. The map is bounded: past {@code maxKeys} keys, full (idle) buckets are
 * dropped, which loses nothing since a full bucket is what a new key starts with.
 */
public final class TokenBuckets {

    /** A limit; {@code perSecond <= 0} or {@code burst <= 0} means no limit. */
    public record Limit(double perSecond, long burst) {
        public static final Limit NONE = new Limit(0, 0);

        public boolean enabled() {
            return perSecond > 0 && burst > 0;
        }
    }

    private final Limit limit;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(Limit limit, int maxKeys) {
        this.limit = limit;
        this.maxKeys = maxKeys;
    }

    public Limit limit() {
        return limit;
    }

    /** Takes a token for {@code key}: 0 if there was one, else the whole seconds until there is one (at least 1). */
    public long acquire(String key, long nowNanos) {
        if (!limit.enabled() || key == null) {
            return 0;
        }
        if (buckets.size() >= maxKeys) {
            buckets.values().removeIf(b -> b.isFull(nowNanos));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), nowNanos)).take(nowNanos);
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond()));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            long elapsed = now - last;
            if (elapsed > 0) {
                tokens = Math.min(limit.burst(), tokens + elapsed / 1e9 * limit.perSecond());
                last = now;
            }
        }
    }
}
