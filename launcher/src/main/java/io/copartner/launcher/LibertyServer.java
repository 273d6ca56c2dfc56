package io.copartner.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Liberty with the EAR, configured entirely by environment variables that server.xml's variables resolve
 * (COPARTNER_DB_URL for ${copartner.db.url}, ...). Output (logs, workarea) goes under the data directory so
 * a dev run and a test run never share a workarea.
 */
final class LibertyServer {

    private LibertyServer() {
    }

    static ManagedProcess launch(PlatformSettings s) {
        return launch(s, "liberty", s.baseUrl());
    }

    /**
     * One more instance beside the first (same database, Keycloak, chain and data directory, so the same keys):
     * its own port (in {@code s}), output directory (workarea, logs) and instance id.
     */
    static ManagedProcess launch(PlatformSettings s, String instance, String publicUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WLP_OUTPUT_DIR", s.dataDir().resolve(instance).toString());
        if (!instance.equals("liberty")) {
            env.put("COPARTNER_INSTANCE_ID", instance + "-" + s.httpPort());
        }
        env.put("JVM_ARGS", "-Xms128m -Xmx768m");
        env.put("COPARTNER_HTTP_PORT", Integer.toString(s.httpPort()));
        // Named in pg_stat_activity, so an operator (and a test) sees which instance holds a lock.
        String url = s.dbUrl();
        env.put("COPARTNER_DB_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=copartner-" + instance);
        env.put("COPARTNER_DB_USER", s.dbUser());
        env.put("COPARTNER_DB_PASSWORD", s.dbPassword());
        env.put("COPARTNER_KEYCLOAK_URL", s.keycloakUrl());
        env.put("COPARTNER_KEYCLOAK_PLATFORM_SECRET", s.platformClientSecret());
        env.put("COPARTNER_CHAIN_RPC_URL", s.chainRpcUrl());
        env.put("COPARTNER_CHAIN_ID", Long.toString(s.chainId()));
        env.put("COPARTNER_CHAIN_PRIVATE_KEY", s.chainPrivateKey());
        env.put("COPARTNER_DATA_DIR", s.dataDir().toString());
        env.put("COPARTNER_PUBLIC_URL", publicUrl);
        List<String> cmd = List.of(s.libertyHome().resolve("bin/server").toString(), "run", s.libertyServer());
        return ManagedProcess.start("Liberty", cmd, s.libertyHome().toAbsolutePath(), env,
            s.dataDir().resolve("logs/" + instance + "-console.log"));
    }

    /** Ready means the application started and its database, Keycloak and chain checks pass. */
    static boolean isReady(PlatformSettings s) {
        return Http.status(s.baseUrl() + "/health/ready") == 200;
    }
}
