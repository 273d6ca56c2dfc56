package io.copartner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liberty's Java heap as {@code jcmd <pid> GC.heap_info} reports it (the bench started that JVM, so it is one of its
 * descendants, the one running {@code ws-server.jar}). "Live" forces a full GC first; sampling does not.
 */
final class Heap {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final String jcmd;

    private Heap(long pid, String jcmd) {
        this.pid = pid;
        this.jcmd = jcmd;
    }

    /** Null when Liberty's process or jcmd cannot be found (e.g. with --attach to a platform started elsewhere). */
    static Heap ofLiberty() {
        Optional<ProcessHandle> liberty = ProcessHandle.current().descendants()
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ws-server.jar")).orElse(false))
            .findFirst();
        Path jcmd = ProcessHandle.current().info().command().map(c -> Path.of(c).resolveSibling("jcmd")).orElse(null);
        if (liberty.isEmpty() || jcmd == null || !Files.isExecutable(jcmd)) {
            return null;
        }
        return new Heap(liberty.get().pid(), jcmd.toString());
    }

    /** Heap in use after a full GC: what the platform really holds. */
    String live() {
        try {
            run("GC.run");
            return mb(usedKb());
        } catch (IOException | InterruptedException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    /** Samples the used heap once a second on a daemon thread until {@link Sampler#stop()}, which returns the peak. */
    Sampler sample() {
        return new Sampler();
    }

    final class Sampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private Sampler() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        peak.accumulateAndGet(usedKb(), Math::max);
                        Thread.sleep(1000);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            return mb(peak.get());
        }
    }

    private long usedKb() throws IOException, InterruptedException {
        Matcher m = USED.matcher(run("GC.heap_info"));
        long used = 0;
        // G1 prints one "garbage-first heap" line, Serial/Parallel one line per generation: the sum is the heap.
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        return used;
    }

    private String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + ": " + out.strip());
        }
        return out;
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%,d MB", kb / 1024);
    }
}
