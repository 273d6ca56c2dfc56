package io.copartner.launcher;

import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Starts the whole platform in dependency order (PostgreSQL, Keycloak, chain, Liberty), waiting for each to
 * be ready, and stops it in reverse order. Parts configured as external are not started. Every process is
 * registered before it is waited for, so a stop during start-up (Ctrl-C) still stops everything.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private final Map<Part, ManagedProcess> parts = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile EmbeddedDatabase database;
    private volatile java.util.concurrent.ScheduledExecutorService supervision;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public Platform start() {
        try {
            if (settings.externalDbUrl() == null) {
                startDatabase();
                running.push(this::stopDatabase);
            }
            if (settings.externalKeycloakUrl() == null) {
                startKeycloak();
            }
            if (settings.externalChainRpcUrl() == null) {
                startChain();
            }
            startLiberty();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Liberty alone, e.g. to prove that data written before a stop is there after a start. */
    public void startLiberty() {
        startPart(Part.LIBERTY, LibertyServer::launch, LibertyServer::isReady);
    }

    /** The dev chain alone: tests stop it to prove that commerce goes on and anchors catch up later. */
    public void startChain() {
        startPart(Part.CHAIN, DevChain::launch, DevChain::isReady);
    }

    /** Keycloak alone: tests stop it to prove that merchant administration leaves nothing half done. */
    public void startKeycloak() {
        startPart(Part.KEYCLOAK, KeycloakServer::launch, KeycloakServer::isReady);
    }

    /** The embedded PostgreSQL alone (same data directory): tests stop it to prove an outage answers 503. */
    public synchronized void startDatabase() {
        if (database == null) {
            step("PostgreSQL", () -> database = EmbeddedDatabase.start(settings));
        }
    }

    public synchronized void stopDatabase() {
        EmbeddedDatabase db = database;
        database = null;
        if (db != null) {
            db.close();
        }
    }

    public void stopLiberty() {
        stopPart(Part.LIBERTY);
    }

    /** Liberty killed as by a crash (SIGKILL, no shutdown): tests prove that what a retry finds is consistent. */
    public synchronized void killLiberty() {
        ManagedProcess p = parts.remove(Part.LIBERTY);
        if (p != null) {
            p.kill();
        }
    }

    /**
     * SIGKILL to a running part without telling the platform, as an outside crash would: a supervised platform
     * notices and restarts it. {@code part} is one of liberty, keycloak, chain, postgresql.
     */
    public void crash(String part) {
        if (part.equals("postgresql")) {
            EmbeddedDatabase db = database;
            if (db == null) {
                throw new IllegalStateException("PostgreSQL is not running");
            }
            db.kill();
            return;
        }
        ManagedProcess p = parts.get(Part.valueOf(part.toUpperCase(java.util.Locale.ROOT)));
        if (p == null) {
            throw new IllegalStateException(part + " is not running");
        }
        p.kill();
    }

    /**
     * Watches every part this platform started: a part that dies is reported, restarted with back-off a bounded
     * number of times, and when it cannot be kept up {@code onGiveUp} gets the reason (the launcher then stops
     * everything). A part stopped on purpose (stopLiberty, stopDatabase ...) is not watched until it is started
     * again. Checks and deliberate stops/starts take this platform's lock, so the two never cross.
     */
    public synchronized void supervise(Duration every, java.util.function.Consumer<String> onGiveUp) {
        supervise(every, Supervisor.Policy.standard(), onGiveUp);
    }

    synchronized Supervisor supervise(Duration every, Supervisor.Policy policy,
                                      java.util.function.Consumer<String> onGiveUp) {
        if (supervision != null) {
            throw new IllegalStateException("already supervised");
        }
        java.util.List<Supervisor.Part> watched = new java.util.ArrayList<>();
        if (settings.externalDbUrl() == null) {
            watched.add(new Supervised("PostgreSQL", () -> {
                EmbeddedDatabase db = database;
                return db == null || db.isAlive();
            }, this::restartDatabase));
        }
        for (Part part : Part.values()) {
            if (parts.containsKey(part)) {
                watched.add(new Supervised(part.label, () -> {
                    ManagedProcess p = parts.get(part);
                    return p == null || p.isAlive();
                }, () -> restartPart(part)));
            }
        }
        Supervisor supervisor = new Supervisor(watched, policy, System::nanoTime,
            m -> System.out.println("[copartner] supervisor: " + m), onGiveUp);
        supervision = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "copartner-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervision.scheduleWithFixedDelay(() -> {
            try {
                synchronized (this) {
                    if (!closed && !supervisor.gaveUp()) {
                        supervisor.check();
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("[copartner] supervisor: " + e);
            }
        }, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return supervisor;
    }

    /**
     * A further Liberty instance on {@code httpPort}, sharing this platform's PostgreSQL, Keycloak, chain and data
     * directory (hence its keys), with its own output directory: how the platform scales out (docs/scaling.md).
     * The caller closes it; it is not supervised. {@code COPARTNER_PUBLIC_URL} stays the first instance's, so both
     * sign checkpoints with the same origin.
     */
    public ExtraLiberty startExtraLiberty(String name, int httpPort) {
        PlatformSettings other = settings.withPortsAndData(httpPort, settings.keycloakPort(), settings.chainPort(),
            settings.dbPort(), settings.dataDir());
        ManagedProcess[] p = new ManagedProcess[1];
        step("Liberty " + name, () -> {
            p[0] = LibertyServer.launch(other, name, settings.baseUrl());
            running.push(() -> p[0].stop(Part.LIBERTY.stopGrace));
            p[0].awaitReady(Part.LIBERTY.startTimeout, () -> closed || LibertyServer.isReady(other));
        });
        return new ExtraLiberty(other.baseUrl(), p[0]);
    }

    /** A Liberty instance started by {@link #startExtraLiberty}. */
    public static final class ExtraLiberty implements AutoCloseable {
        private final String baseUrl;
        private final ManagedProcess process;

        ExtraLiberty(String baseUrl, ManagedProcess process) {
            this.baseUrl = baseUrl;
            this.process = process;
        }

        public String baseUrl() {
            return baseUrl;
        }

        /** SIGKILL, as a crash. */
        public void crash() {
            process.kill();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void close() {
            process.stop(Part.LIBERTY.stopGrace);
        }
    }

    /** The first Liberty's pid (tests kill an instance by what it is, not by name). */
    public long libertyPid() {
        ManagedProcess p = parts.get(Part.LIBERTY);
        return p == null ? -1 : p.pid();
    }

    /** Stops watching (tests that stop parts on purpose afterwards want no restarts). */
    public synchronized void unsupervise() {
        if (supervision != null) {
            supervision.shutdownNow();
            supervision = null;
        }
    }

    private record Supervised(String name, java.util.function.BooleanSupplier isAlive, Runnable restarter)
        implements Supervisor.Part {
        @Override
        public boolean alive() {
            return isAlive.getAsBoolean();
        }

        @Override
        public void restart() {
            restarter.run();
        }
    }

    private void restartDatabase() {
        EmbeddedDatabase dead = database;
        database = null;
        if (dead != null) {
            dead.close();
        }
        startDatabase();
    }

    private void restartPart(Part part) {
        ManagedProcess dead = parts.remove(part);
        if (dead != null) {
            dead.kill(); // what is left of its tree (a script whose server died, or the reverse)
        }
        switch (part) {
            case LIBERTY -> startLiberty();
            case CHAIN -> startChain();
            case KEYCLOAK -> startKeycloak();
        }
    }

    public void stopChain() {
        stopPart(Part.CHAIN);
    }

    public void stopKeycloak() {
        stopPart(Part.KEYCLOAK);
    }

    /**
     * The parts run as child processes, each with how long it may take to start and to stop. Keycloak and Liberty
     * start in 10-40 s on a quiet 2-core machine but took 4-7 min on one shared by several builds: the limits only
     * bound a start that is truly stuck.
     */
    private enum Part {
        KEYCLOAK("Keycloak", Duration.ofMinutes(10), Duration.ofSeconds(30)),
        CHAIN("dev chain", Duration.ofSeconds(60), Duration.ofSeconds(10)),
        LIBERTY("Liberty", Duration.ofMinutes(10), Duration.ofSeconds(60));

        final String label;
        final Duration startTimeout;
        final Duration stopGrace;

        Part(String label, Duration startTimeout, Duration stopGrace) {
            this.label = label;
            this.startTimeout = startTimeout;
            this.stopGrace = stopGrace;
        }
    }

    /** Registered before it is waited for, so a stop during start-up (Ctrl-C) still stops it. */
    private void startPart(Part part, Function<PlatformSettings, ManagedProcess> launcher,
                           Predicate<PlatformSettings> ready) {
        step(part.label, () -> {
            ManagedProcess p = launcher.apply(settings);
            parts.put(part, p);
            p.awaitReady(part.startTimeout, () -> closed || ready.test(settings));
        });
    }

    private synchronized void stopPart(Part part) {
        ManagedProcess p = parts.remove(part);
        if (p != null) {
            p.stop(part.stopGrace);
        }
    }

    @Override
    public void close() {
        closed = true;
        java.util.concurrent.ScheduledExecutorService sv = supervision;
        if (sv != null) {
            sv.shutdownNow();
        }
        stopPart(Part.LIBERTY);
        stopPart(Part.CHAIN);
        stopPart(Part.KEYCLOAK);
        AutoCloseable next;
        while ((next = running.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("[copartner] while stopping: " + e);
            }
        }
    }

    private void step(String what, Runnable action) {
        if (closed) {
            throw new IllegalStateException("platform is stopping");
        }
        long t0 = System.nanoTime();
        System.out.println("[copartner] starting " + what + " ...");
        action.run();
        System.out.printf("[copartner] %s ready in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
