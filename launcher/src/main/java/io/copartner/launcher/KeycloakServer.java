package io.copartner.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real Keycloak server from keycloak-quarkus-dist: unpacked once, built once for PostgreSQL, then started
 * optimized on loopback with the copartner realm imported. {@code --cache=local} must be on the start command
 * line or Keycloak opens cluster ports on other interfaces (STACK-NOTES).
 */
final class KeycloakServer {

    static final String BUILD_OPTIONS = "--db=postgres --cache=local --health-enabled=false --metrics-enabled=false";
    /** The DID sign-in provider (module keycloak-did-auth) as it is named in providers/. */
    static final String PROVIDER_FILE = "copartner-keycloak-did-auth.jar";

    private KeycloakServer() {
    }

    /** Starts the server; {@link #isReady} tells when the realm answers. */
    static ManagedProcess launch(PlatformSettings s) {
        Path home = install(s);
        build(s, home);
        writeRealmImport(s, home);
        List<String> cmd = List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
            "--cache=local",
            "--http-enabled=true",
            "--http-host=" + PlatformSettings.HOST,
            "--http-port=" + s.keycloakPort(),
            "--hostname-strict=false",
            "--proxy-headers=xforwarded",
            "--import-realm",
            // The provider installs its browser flow (DID wallet page) into this realm once, also into kept data.
            "--spi-authenticator--copartner-did-wallet--browser-flow-realms=copartner",
            "--db-url=jdbc:postgresql://" + PlatformSettings.HOST + ":" + s.dbPort() + "/keycloak",
            "--db-username=" + s.dbUser(),
            "--db-password=" + s.dbPassword());
        return ManagedProcess.start("Keycloak", cmd, home, env(s), s.dataDir().resolve("logs/keycloak.log"));
    }

    static boolean isReady(PlatformSettings s) {
        return Http.status(s.issuer() + "/.well-known/openid-configuration") == 200;
    }

    private static Map<String, String> env(PlatformSettings s) {
        return Map.of(
            // The heap floor Keycloak needs for realm creation is ~128 MB (STACK-NOTES); cap it on a shared box.
            "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m",
            // Read by the provider's Nonces (5..300 s).
            "JAVA_OPTS_APPEND", "-Dcopartner.did-auth.nonce-lifetime=" + s.didNonceLifetimeSeconds(),
            "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
            "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    }

    /** Unzips the distribution into .runtime once; the zip itself comes from Maven Central via ~/.m2. */
    static Path install(PlatformSettings s) {
        Path home = s.runtimeDir().resolve("keycloak-" + s.keycloakVersion());
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path tmp = s.runtimeDir().resolve("keycloak-unpacking");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (ZipFile zip = new ZipFile(s.keycloakZip().toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String name = e.getName();
                    int slash = name.indexOf('/');
                    String rel = slash < 0 ? name : name.substring(slash + 1);
                    if (rel.isEmpty()) {
                        continue;
                    }
                    Path target = tmp.resolve(rel).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("zip entry escapes the target: " + name);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak from " + s.keycloakZip(), e);
        }
    }

    /**
     * `kc.sh build` is slow (~20 s): run it only when the build options or the providers changed. The marker holds
     * the options and the SHA-256 of the DID sign-in provider jar copied into providers/.
     */
    private static void build(PlatformSettings s, Path home) {
        Path marker = home.resolve(".copartner-build");
        try {
            String providerSha = installProvider(s, home);
            String wanted = BUILD_OPTIONS + "\nprovider " + PROVIDER_FILE + " sha256=" + providerSha + "\n";
            if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            cmd.addAll(List.of(BUILD_OPTIONS.split(" ")));
            ManagedProcess build = ManagedProcess.start("Keycloak build", cmd, home, env(s),
                s.dataDir().resolve("logs/keycloak-build.log"));
            build.awaitExit(Duration.ofMinutes(5));
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the provider jar into providers/ (if it differs) and returns its SHA-256 (hex). */
    static String installProvider(PlatformSettings s, Path home) throws IOException {
        Path jar = s.keycloakProviderJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("Keycloak provider jar missing: " + jar
                + " (build it with ./mvnw install -DskipTests)");
        }
        Path target = home.resolve("providers").resolve(PROVIDER_FILE);
        Files.createDirectories(target.getParent());
        String sha = sha256(jar);
        if (!Files.exists(target) || !sha256(target).equals(sha)) {
            Path tmp = target.resolveSibling(PROVIDER_FILE + ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return sha;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm file, with the secrets and URLs of this run filled in. Imported only if the realm is absent. */
    private static void writeRealmImport(PlatformSettings s, Path home) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/copartner-realm.json")) {
            String realm = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("@PLATFORM_SECRET@", s.platformClientSecret())
                .replace("@WEB_URL@", s.baseUrl());
            Path dir = home.resolve("data/import");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("copartner-realm.json"), realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
