package io.copartner.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process with its output in a log file, started and stopped politely (SIGTERM, then SIGKILL). */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return new ManagedProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Polls until ready; fails fast, pointing at the log, when the process dies or time runs out. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    /** For one-shot commands (builds): wait for a zero exit. */
    void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish in " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with code " + process.exitValue() + "; see " + log);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM to the whole tree (scripts such as Liberty's do not forward signals), SIGKILL after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().sorted(Comparator.comparingLong(ProcessHandle::pid)).toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(Math.max(1, grace.toSeconds()), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // A child outlived the grace period (a loaded machine): kill it and still wait until it is gone, or the
            // next start meets its ports still bound (Liberty's CWWKO0221E on a restart, seen in the full suite).
            tree.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle child : tree) {
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception stillThere) {
                    throw new IllegalStateException("could not stop " + child.pid(), stillThere);
                }
            }
        }
    }

    /** SIGKILL to the whole tree at once, like a crash; waits until all of it is gone. */
    void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + process.pid(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
