package io.copartner.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the launcher needs to know, from the build's layout file and the environment. Each external
 * part (PostgreSQL, Keycloak, chain) is started only when no external URL is configured for it.
 */
public record PlatformSettings(
    Path projectDir,
    Path dataDir,
    Path runtimeDir,
    Path libertyHome,
    String libertyServer,
    Path keycloakZip,
    String keycloakVersion,
    Path keycloakProviderJar,
    int httpPort,
    int keycloakPort,
    int chainPort,
    int dbPort,
    String externalDbUrl,
    String dbUser,
    String dbPassword,
    String externalKeycloakUrl,
    String platformClientSecret,
    String externalChainRpcUrl,
    long chainId,
    String chainPrivateKey,
    int didNonceLifetimeSeconds) {

    public static final String HOST = "127.0.0.1";

    /** The defaults of DESIGN.md §5, overridable by COPARTNER_* environment variables. */
    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        Properties layout = layout();
        Path project = Path.of(layout.getProperty("project.dir")).toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("COPARTNER_DATA_DIR", project.resolve("data").toString()));
        return new PlatformSettings(
            project,
            data.toAbsolutePath().normalize(),
            project.resolve(".runtime"),
            Path.of(layout.getProperty("liberty.home")),
            layout.getProperty("liberty.server"),
            Path.of(layout.getProperty("keycloak.zip")),
            layout.getProperty("keycloak.version"),
            // The DID sign-in provider (module keycloak-did-auth), installed into Keycloak's providers/.
            Path.of(layout.getProperty("keycloak.provider.jar")),
            intEnv(env, "COPARTNER_HTTP_PORT", 9080),
            intEnv(env, "COPARTNER_KEYCLOAK_PORT", 8180),
            intEnv(env, "COPARTNER_CHAIN_PORT", 8545),
            intEnv(env, "COPARTNER_DB_PORT", 5433),
            blankToNull(env.get("COPARTNER_DB_URL")),
            env.getOrDefault("COPARTNER_DB_USER", "copartner"),
            env.getOrDefault("COPARTNER_DB_PASSWORD", "copartner"),
            blankToNull(env.get("COPARTNER_KEYCLOAK_URL")),
            env.getOrDefault("COPARTNER_KEYCLOAK_PLATFORM_SECRET", "copartner-platform-dev-secret"),
            blankToNull(env.get("COPARTNER_CHAIN_RPC_URL")),
            Long.parseLong(env.getOrDefault("COPARTNER_CHAIN_ID", "31337")),
            env.getOrDefault("COPARTNER_CHAIN_PRIVATE_KEY",
                // anvil's first well-known dev account: worthless outside the local dev chain.
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
            // DID sign-in nonce lifetime, 5..300 s (the contract's maximum and default).
            intEnv(env, "COPARTNER_DID_NONCE_LIFETIME", 300));
    }

    /** Same layout, other ports and data directory: what the black-box tests use beside a running dev platform. */
    public PlatformSettings withPortsAndData(int http, int keycloak, int chain, int db, Path data) {
        return new PlatformSettings(projectDir, data, runtimeDir, libertyHome, libertyServer, keycloakZip,
            keycloakVersion, keycloakProviderJar, http, keycloak, chain, db, externalDbUrl, dbUser, dbPassword,
            externalKeycloakUrl, platformClientSecret, externalChainRpcUrl, chainId, chainPrivateKey,
            didNonceLifetimeSeconds);
    }

    /** Same settings with another DID sign-in nonce lifetime (tests watch a real nonce expire). */
    public PlatformSettings withDidNonceLifetime(int seconds) {
        return new PlatformSettings(projectDir, dataDir, runtimeDir, libertyHome, libertyServer, keycloakZip,
            keycloakVersion, keycloakProviderJar, httpPort, keycloakPort, chainPort, dbPort, externalDbUrl, dbUser,
            dbPassword, externalKeycloakUrl, platformClientSecret, externalChainRpcUrl, chainId, chainPrivateKey,
            seconds);
    }

    public String dbUrl() {
        return externalDbUrl != null ? externalDbUrl : "jdbc:postgresql://" + HOST + ":" + dbPort + "/copartner";
    }

    public String keycloakUrl() {
        return externalKeycloakUrl != null ? externalKeycloakUrl : "http://" + HOST + ":" + keycloakPort;
    }

    public String chainRpcUrl() {
        return externalChainRpcUrl != null ? externalChainRpcUrl : "http://" + HOST + ":" + chainPort;
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/copartner";
    }

    private static Properties layout() {
        Properties p = new Properties();
        try (InputStream in = PlatformSettings.class.getResourceAsStream("layout.properties")) {
            if (in == null) {
                throw new IllegalStateException("layout.properties missing: build with ./mvnw package first");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static int intEnv(Map<String, String> env, String name, int def) {
        String v = env.get(name);
        return v == null || v.isBlank() ? def : Integer.parseInt(v.trim());
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
