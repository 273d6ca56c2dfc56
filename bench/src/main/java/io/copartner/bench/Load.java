package io.copartner.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code threads} callers, each doing one operation after the other, first for a warm-up
 * period (not counted), then for the measured period. Counts operations that completed inside the measured
 * period and keeps their latencies.
 */
final class Load {

    /** One caller's operation; set up and closed on the caller's own thread. */
    interface Op extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface OpFactory {
        Op create(int thread) throws Exception;
    }

    record Result(long ops, long errors, double seconds, long[] latenciesNanos, String firstError) {

        double perSecond() {
            return ops / seconds;
        }

        /** Latency percentile in milliseconds (p in 0..100). */
        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))] / 1e6;
        }
    }

    private Load() {
    }

    static Result run(String name, int threads, double warmupSeconds, double seconds, OpFactory factory)
        throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[threads];
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                long[] lat = new long[1 << 14];
                int n = 0;
                try (Op op = factory.create(id)) {
                    ready.countDown();
                    go.await();
                    long measureFrom = window[0];
                    long end = window[1];
                    while (true) {
                        long s = System.nanoTime();
                        if (s >= end) {
                            break;
                        }
                        try {
                            op.run();
                        } catch (Exception e) {
                            if (s >= measureFrom) {
                                errors[id]++;
                            }
                            firstError.compareAndSet(null, e.toString());
                            continue;
                        }
                        long f = System.nanoTime();
                        if (s >= measureFrom && f <= end) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = f - s;
                        }
                    }
                } catch (Exception e) {
                    firstError.compareAndSet(null, "setup: " + e);
                    ready.countDown();
                }
                latencies[id] = Arrays.copyOf(lat, n);
                counts[id] = n;
            }, name + "-" + t);
            workers.add(w);
            w.start();
        }
        ready.await();
        long now = System.nanoTime();
        window[0] = now + (long) (warmupSeconds * 1e9);
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int pos = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, Arrays.stream(errors).sum(), seconds, all, firstError.get());
    }
}
