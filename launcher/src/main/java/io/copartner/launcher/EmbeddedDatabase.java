package io.copartner.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL from zonky's binaries, with its data under the platform's data directory so a restart keeps
 * everything. Binds 127.0.0.1 only; commits are durable (zonky turns fsync and synchronous_commit off by default).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final long postmasterPid;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.postmasterPid = readPostmasterPid(dataDir);
    }

    static EmbeddedDatabase start(PlatformSettings s) {
        try {
            Path dataDir = s.dataDir().resolve("postgres");
            Path work = s.runtimeDir().resolve("embedded-pg");
            Path sockets = s.dataDir().resolve("run");
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(work);
            Files.createDirectories(sockets);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPort(s.dbPort())
                .setServerConfig("listen_addresses", PlatformSettings.HOST)
                .setServerConfig("unix_socket_directories", sockets.toString())
                // zonky starts postgres with -F (fsync off) and synchronous_commit off: both back on, a
                // committed payment must survive a power cut.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, dataDir);
            db.ensureRoleAndDatabases(s.dbUser(), s.dbPassword());
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** The application's owner role and the two databases (platform, Keycloak); idempotent. */
    private void ensureRoleAndDatabases(String user, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                st.execute("create role \"" + user.replace("\"", "") + "\" login password '"
                    + password.replace("'", "''") + "'");
            }
            for (String db : new String[] {"copartner", "keycloak"}) {
                if (!exists(c, "select 1 from pg_database where datname = ?", db)) {
                    st.execute("create database " + db + " owner \"" + user.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded database", e);
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The postmaster's pid, from the first line of postmaster.pid (zonky does not expose its process). */
    private static long readPostmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long pid() {
        return postmasterPid;
    }

    /** False once the postmaster is gone (killed, crashed); the supervisor then restarts the database. */
    boolean isAlive() {
        return postmasterPid < 0 || ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * SIGKILL to the postmaster and every backend at once, as a crash or power cut would leave it: the next start
     * runs crash recovery from the WAL, which holds every commit that was acknowledged (fsync, synchronous commit).
     */
    void kill() {
        ProcessHandle pm = ProcessHandle.of(postmasterPid).orElse(null);
        if (pm == null) {
            return;
        }
        var tree = pm.descendants().toList();
        pm.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            pm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not kill PostgreSQL " + postmasterPid, e);
        }
    }

    @Override
    public void close() {
        if (!isAlive()) {
            // pg_ctl stop has nothing to stop; zonky still releases its lock on the working directory.
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("[copartner] PostgreSQL was already gone: " + e.getMessage());
            }
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
