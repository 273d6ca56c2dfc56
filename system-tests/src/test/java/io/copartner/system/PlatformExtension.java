package io.copartner.system;

import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real platform (embedded PostgreSQL, Keycloak, anvil, Liberty with the EAR) once for all black-box
 * tests, on ports of its own so a running dev platform is not disturbed, with a fresh data directory.
 */
public class PlatformExtension implements BeforeAllCallback {

    /**
     * The JUnit resource lock of the whole shared platform: classes that stop, restart or reconfigure a part take it
     * exclusively; a class that runs concurrently with the others (GovernanceIT) takes it to read.
     */
    static final String WHOLE_PLATFORM = "copartner-platform";


    static final int HTTP = 19080;
    static final int KEYCLOAK = 18180;
    static final int CHAIN = 18545;
    static final int DB = 15433;
    /** DID sign-in nonces live this long in the tests (300 s in production). */
    static final int NONCE_LIFETIME_SECONDS = 10;

    private static volatile Platform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (PlatformExtension.class) {
            if (platform == null) {
                Path data = Path.of(System.getProperty("copartner.it.data", "target/it-data")).toAbsolutePath();
                deleteTree(data);
                // Several checkouts can run their suites side by side with -Dcopartner.it.port-offset=N.
                int offset = Integer.getInteger("copartner.it.port-offset", 0);
                PlatformSettings s = PlatformSettings.fromEnvironment(Map.of())
                    .withPortsAndData(HTTP + offset, KEYCLOAK + offset, CHAIN + offset, DB + offset, data)
                    // Short enough that a test can watch a real sign-in nonce expire.
                    .withDidNonceLifetime(NONCE_LIFETIME_SECONDS);
                platform = new Platform(s).start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put("copartner-platform", (ExtensionContext.Store.CloseableResource) () -> platform.close());
                RestAssured.baseURI = s.baseUrl();
            }
        }
    }

    /** Stops every part and starts them again on the same data directory. */
    static synchronized void restartAll() {
        PlatformSettings s = platform.settings();
        platform.close();
        platform = new Platform(s).start();
    }

    static Platform platform() {
        return platform;
    }

    static PlatformSettings settings() {
        return platform.settings();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
