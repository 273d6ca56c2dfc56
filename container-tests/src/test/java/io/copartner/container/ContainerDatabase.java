package io.copartner.container;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One embedded PostgreSQL for the whole container-test run, on port {@value #PORT} of the private network
 * namespace the run lives in (src/test/netns/bin/java), with the ledger schema migrated by Flyway from the ledger
 * jar's own migrations. The Liberty server Arquillian starts finds it through its server.xml.
 *
 * <p>Refuses to start outside a private network namespace: the JDK's local JMX connector Arquillian needs binds the
 * wildcard address, which only such a namespace makes harmless.
 */
public class ContainerDatabase implements LauncherSessionListener {

    static final int PORT = 25433;
    static final String URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres";

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        requirePrivateNetworkNamespace();
        forgetLastServerState();
        Path dir = Path.of(System.getProperty("copartner.container.pg.dir", "target/container-pg")).toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("run"));
            postgres = EmbeddedPostgres.builder()
                .setPort(PORT)
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", dir.resolve("run").toString())
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Flyway.configure()
            .dataSource(URL, "postgres", "postgres")
            .schemas("ledger")
            .createSchemas(true)
            .locations("classpath:db/migration/ledger")
            .load()
            .migrate();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Arquillian reads the JMX address from the server's logs/state when the VM does not publish it yet: one left by
     * an earlier run points at a port nobody listens on any more.
     */
    static void forgetLastServerState() {
        String usr = System.getProperty("copartner.container.usr.dir");
        if (usr == null) {
            return;
        }
        Path state = Path.of(usr, "servers", "copartner-container-tests", "logs", "state");
        try (var files = Files.exists(state) ? Files.list(state) : java.util.stream.Stream.<Path>empty()) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + state, e);
        }
    }

    /** In a namespace made by netns/bin/java the only interface is its loopback; anywhere else, stop loudly. */
    static void requirePrivateNetworkNamespace() {
        try {
            List<String> others = NetworkInterface.networkInterfaces()
                .filter(i -> !isLoopback(i)).map(NetworkInterface::getName).toList();
            if (!"1".equals(System.getenv("COPARTNER_PRIVATE_NETNS")) || !others.isEmpty()) {
                throw new IllegalStateException("The container tests must run in a private network namespace "
                    + "(failsafe's jvm src/test/netns/bin/java; needs unshare as root): the local JMX connector "
                    + "Arquillian uses binds the wildcard address. Interfaces other than loopback here: " + others);
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list the network interfaces", e);
        }
    }

    private static boolean isLoopback(NetworkInterface i) {
        try {
            return i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
