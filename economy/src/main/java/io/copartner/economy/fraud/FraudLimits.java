package io.copartner.economy.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The fraud thresholds, from MicroProfile Config (env {@code COPARTNER_FRAUD_...}), overridable at run time by the
 * abuse-limits file ({@code copartner.ratelimit.file}, re-read when it changes) so an operator can tighten them during
 * an attack. Defaults are generous: an honest partner never meets them.
 * <ul>
 *   <li>{@code copartner.fraud.velocity.orders.per-hour} (200), {@code ...reviews.per-hour} (100),
 *       {@code ...top-ups.per-hour} (50)</li>
 *   <li>{@code copartner.fraud.fake-orders.repeats} (3 orders of the same buyer at the same merchant),
 *       {@code ...max-total} (5000 minor units), {@code ...window-hours} (24), {@code ...instant-confirm-seconds}
 *       (600 between shipment and the buyer's confirmation)</li>
 * </ul>
 */
@ApplicationScoped
public class FraudLimits {

    private volatile Properties overrides = new Properties();
    private volatile FileTime stamp;

    long number(String name, long dflt) {
        Config config = ConfigProvider.getConfig(FraudLimits.class.getClassLoader());
        String v = overrides().getProperty(name);
        if (v == null) {
            v = config.getOptionalValue(name, String.class).orElse(null);
        }
        try {
            return v == null ? dflt : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    public int perHour(String kind) {
        long dflt = switch (kind) {
            case "orders" -> 200;
            case "reviews" -> 100;
            default -> 50;
        };
        return (int) Math.max(1, Math.min(100_000, number("copartner.fraud.velocity." + kind + ".per-hour", dflt)));
    }

    private Properties overrides() {
        Optional<String> file = ConfigProvider.getConfig(FraudLimits.class.getClassLoader())
            .getOptionalValue("copartner.ratelimit.file", String.class).filter(s -> !s.isBlank());
        if (file.isEmpty()) {
            return overrides;
        }
        Path p = Path.of(file.get());
        try {
            FileTime now = Files.isRegularFile(p) ? Files.getLastModifiedTime(p) : null;
            if (!java.util.Objects.equals(now, stamp)) {
                Properties fresh = new Properties();
                if (now != null) {
                    try (InputStream in = Files.newInputStream(p)) {
                        fresh.load(in);
                    }
                }
                overrides = fresh;
                stamp = now;
            }
        } catch (IOException e) {
            // a file being rewritten: read again on the next call
        }
        return overrides;
    }
}
