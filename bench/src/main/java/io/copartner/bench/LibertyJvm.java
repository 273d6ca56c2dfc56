package io.copartner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Liberty's JVM seen through {@code jcmd} (the bench started it, so it is one of its descendants, the one running
 * {@code ws-server.jar}): the heap as {@code GC.heap_info} reports it ("live" forces a full GC first; sampling does
 * not), and where a thread spends its time, from {@code Thread.print} samples of the thread whose stack holds a marker.
 */
final class LibertyJvm {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final String jcmd;

    private LibertyJvm(long pid, String jcmd) {
        this.pid = pid;
        this.jcmd = jcmd;
    }

    /** Null when Liberty's process or jcmd cannot be found (e.g. with --attach to a platform started elsewhere). */
    static LibertyJvm find() {
        Optional<ProcessHandle> liberty = ProcessHandle.current().descendants()
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ws-server.jar")).orElse(false))
            .findFirst();
        Path jcmd = ProcessHandle.current().info().command().map(c -> Path.of(c).resolveSibling("jcmd")).orElse(null);
        if (liberty.isEmpty() || jcmd == null || !Files.isExecutable(jcmd)) {
            return null;
        }
        return new LibertyJvm(liberty.get().pid(), jcmd.toString());
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

    /**
     * Samples, about once a second on a daemon thread until {@link Sampler#stop()}, the used heap (its peak) and the
     * stack of each thread that has {@code marker} in it: counted by its innermost {@code io.copartner} frame (Weld
     * proxies skipped), and whether the thread then waited on a socket (the database) or ran.
     */
    Sampler sample(String marker) {
        return new Sampler(marker);
    }

    final class Sampler {
        private final AtomicLong peak = new AtomicLong();
        private final Map<String, Integer> frames = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private final Thread thread;

        private Sampler(String marker) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        peak.accumulateAndGet(usedKb(), Math::max);
                        for (String stack : run("Thread.print").split("\n\s*\n")) {
                            if (stack.contains(marker)) {
                                frames.merge(where(stack), 1, Integer::sum);
                            }
                        }
                        Thread.sleep(500);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "liberty-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            return mb(peak.get());
        }

        /** The sampled places, most frequent first, with their share of the samples. */
        String hotspots(int top) {
            int total = frames.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? "no samples" : total + " samples: " + frames.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
        }
    }

    private static String where(String stack) {
        String place = "?";
        for (String line : stack.split("\n")) {
            String l = line.strip();
            // The kernel's JDBC helper is under every store: the store that called it says more.
            if (l.startsWith("at io.copartner.") && !l.contains("$Proxy$") && !l.contains("WeldSubclass")
                && !l.startsWith("at io.copartner.kernel.jdbc.")) {
                String method = l.substring(3, l.indexOf('('));
                int cls = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
                place = method.substring(cls + 1);
                break;
            }
        }
        boolean db = stack.contains("at org.postgresql.") && (stack.contains("SocketInputStream")
            || stack.contains("NioSocketImpl") || stack.contains("sun.nio.ch"));
        return place + (db ? " [db]" : " [jvm]");
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
