package io.copartner.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** `./copartner run`: start everything, print where to click, stop everything on Ctrl-C. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "run" : args[0];
        if (!command.equals("run")) {
            System.err.println("usage: copartner run");
            System.exit(2);
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(System.getenv());
        long t0 = System.nanoTime();
        Platform platform = new Platform(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[copartner] stopping ...");
            platform.close();
            System.out.println("[copartner] stopped.");
            stopped.countDown();
        }, "copartner-shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("[copartner] start failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%n[copartner] up in %.1f s%n%n%s%n", (System.nanoTime() - t0) / 1e9, banner(settings));
        // A part that dies is reported and restarted with back-off; when one cannot be kept up, all stops.
        platform.supervise(Duration.ofSeconds(1), reason -> {
            System.err.println("[copartner] " + reason);
            System.exit(3); // the shutdown hook stops every part
        });
        stopped.await();
    }

    static String banner(PlatformSettings s) {
        String b = s.baseUrl();
        return String.join("\n",
            "  Web app       " + b + "/   (partners: create a wallet and sign in with one click)",
            "  API           " + b + "/api/v1",
            "  OpenAPI UI    " + b + "/openapi/ui",
            "  OpenAPI       " + b + "/openapi",
            "  Health        " + b + "/health",
            "  Keycloak      " + s.keycloakUrl() + "/admin/   (master admin: admin / admin)",
            "  Realm         " + s.issuer(),
            "  Chain RPC     " + s.chainRpcUrl() + "   (chain id " + s.chainId() + ")",
            "  PostgreSQL    " + s.dbUrl() + "   (" + s.dbUser() + ")",
            "  Data          " + s.dataDir(),
            "",
            "  Demo accounts (realm copartner; user / password):",
            "    partner / partner     merchant / merchant     admin / admin     auditor / auditor",
            "  A token for a demo user:",
            "    curl -s -d grant_type=password -d client_id=copartner-cli -d username=partner -d password=partner \\",
            "      " + s.issuer() + "/protocol/openid-connect/token",
            "",
            "  Ctrl-C stops everything.");
    }
}
