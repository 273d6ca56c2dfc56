package io.copartner.kernel.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The abuse limits of one scope ({@code read}, {@code write}, {@code signin}), per IP and per client, read from
 * configuration: {@code copartner.ratelimit.<scope>.<ip|client>.per-second} and {@code ...burst}. An optional
 * properties file ({@code copartner.ratelimit.file}) overrides them and is re-read when it changes, so an operator
 * can tighten limits during an attack without a restart (and a test can try low limits on a running platform).
 */
public final class RateLimits {

    public static final String FILE_PROPERTY = "copartner.ratelimit.file";
    private static final long RECHECK_NANOS = 500_000_000L;
    private static final int MAX_KEYS = 100_000;

    private final String scope;
    private final TokenBuckets.Limit ipDefault;
    private final TokenBuckets.Limit clientDefault;
    private final Function<String, Optional<String>> config;
    private final Path file;
    private final LongSupplier nanoTime;

    private volatile State state;
    private volatile long checkedAt;

    private record State(FileTime stamp, TokenBuckets ip, TokenBuckets client) {
    }

    /**
     * @param config looks a property up by name (MicroProfile Config, or system property and environment)
     * @param ipDefault the limit per IP when nothing is configured
     */
    public RateLimits(String scope, TokenBuckets.Limit ipDefault, TokenBuckets.Limit clientDefault,
                      Function<String, Optional<String>> config, LongSupplier nanoTime) {
        this.scope = scope;
        this.ipDefault = ipDefault;
        this.clientDefault = clientDefault;
        this.config = config;
        this.nanoTime = nanoTime;
        this.file = config.apply(FILE_PROPERTY).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        this.state = load(stamp());
        this.checkedAt = nanoTime.getAsLong();
    }

    /**
     * Takes one request of this IP and client (either may be null: not limited on that key): 0 if allowed, else the
     * seconds to wait, for a {@code Retry-After}.
     */
    public long acquire(String ip, String client) {
        long now = nanoTime.getAsLong();
        State s = current(now);
        long byIp = s.ip().acquire(ip, now);
        if (byIp > 0) {
            return byIp;
        }
        return s.client().acquire(client, now);
    }

    /** The limits in force, for logs and documentation. */
    public String describe() {
        State s = state;
        return scope + ": per IP " + s.ip().limit() + ", per client " + s.client().limit();
    }

    private State current(long now) {
        if (file != null && now - checkedAt > RECHECK_NANOS) {
            checkedAt = now;
            FileTime stamp = stamp();
            if (!java.util.Objects.equals(stamp, state.stamp())) {
                state = load(stamp);
            }
        }
        return state;
    }

    private FileTime stamp() {
        try {
            return file != null && Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private State load(FileTime stamp) {
        Properties overrides = new Properties();
        if (stamp != null) {
            try (InputStream in = Files.newInputStream(file)) {
                overrides.load(in);
            } catch (IOException e) {
                // A file being rewritten: the next check (its time stamp changes again) reads it whole.
            }
        }
        Function<String, Optional<String>> lookup = name -> Optional.ofNullable(overrides.getProperty(name))
            .or(() -> config.apply(name));
        return new State(stamp,
            new TokenBuckets(limit(lookup, "ip", ipDefault), MAX_KEYS),
            new TokenBuckets(limit(lookup, "client", clientDefault), MAX_KEYS));
    }

    private TokenBuckets.Limit limit(Function<String, Optional<String>> lookup, String key, TokenBuckets.Limit dflt) {
        String prefix = "copartner.ratelimit." + scope + "." + key + ".";
        double perSecond = lookup.apply(prefix + "per-second").map(String::trim).map(Double::parseDouble)
            .orElse(dflt.perSecond());
        long burst = lookup.apply(prefix + "burst").map(String::trim).map(Long::parseLong).orElse(dflt.burst());
        return new TokenBuckets.Limit(perSecond, burst);
    }

    /** System property, else the environment variable of the same name in upper case with '_' for '.' and '-'. */
    public static Optional<String> systemOrEnvironment(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value);
    }
}
