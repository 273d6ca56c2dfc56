package io.copartner.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load of ledger posts, one caller per wallet, each moving 1 CNY from external funding into its wallet
 * under a fresh Idempotency-Key. A post that is not acknowledged (connection refused or cut, timeout, 5xx) is
 * retried with the same key and body until it is; only then does the caller move on. Keys and memos carry the
 * run and caller, so what was stored can be compared with what was acknowledged.
 */
final class LedgerLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** Pause between retries of one key while a part is down; not a wait for an assertion. */
    private static final long RETRY_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

    private final String baseUrl;
    private final Supplier<String> token;
    private final String run;
    private final List<String> wallets;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> retried = ConcurrentHashMap.newKeySet();
    private final AtomicLong[] ackedBy;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong connectionErrors = new AtomicLong();
    private final AtomicLong clientErrors = new AtomicLong();
    private final AtomicReference<String> firstClientError = new AtomicReference<>();
    private final java.util.Queue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long startedAt;
    private volatile long stoppedAt;
    private volatile boolean stopping;
    private volatile boolean abandoning;

    LedgerLoad(String baseUrl, Supplier<String> token, String run, List<String> wallets) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.run = run;
        this.wallets = List.copyOf(wallets);
        this.ackedBy = new AtomicLong[wallets.size()];
        for (int i = 0; i < ackedBy.length; i++) {
            ackedBy[i] = new AtomicLong();
        }
    }

    void start() {
        startedAt = System.nanoTime();
        for (int i = 0; i < wallets.size(); i++) {
            int caller = i;
            Thread t = new Thread(() -> caller(caller), "ledger-load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** No new keys from now on; each caller retries its last key until acknowledged (bounded by {@code timeout}). */
    void stopAndDrain(Duration timeout) throws InterruptedException {
        stopping = true;
        stoppedAt = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
                throw new AssertionError("a caller could not get its last write acknowledged in " + timeout);
            }
        }
    }

    /** For a load whose server is gone for good: stop at once, leaving the unacknowledged keys unacknowledged. */
    void stopAndDrainOrAbandon() throws InterruptedException {
        abandoning = true;
        stopAndDrain(Duration.ofSeconds(30));
    }

    private void caller(int caller) {
        String wallet = wallets.get(caller);
        for (long n = 0; !stopping; n++) {
            String key = run + "-" + caller + "-" + n;
            String body = "{\"memo\":\"" + key + "\",\"postings\":[{\"accountId\":\"" + LedgerIT.FUNDING_CNY
                + "\",\"asset\":\"CNY\",\"amount\":-1},{\"accountId\":\"" + wallet + "\",\"asset\":\"CNY\",\"amount\":1}]}";
            boolean failedOnce = false;
            while (true) {
                String id = post(key, body);
                if (id != null) {
                    acknowledged.put(key, id);
                    ackedBy[caller].incrementAndGet();
                    break;
                }
                if (Thread.currentThread().isInterrupted() || clientErrors.get() > 0 || abandoning) {
                    return;
                }
                if (!failedOnce) {
                    failedOnce = true;
                    retried.add(key);
                }
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
    }

    /** The entry id when acknowledged (201, or 200 for a replay), null when it must be retried. */
    private String post(String key, String body) {
        sent.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ledger/entries"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            int status = res.statusCode();
            if (status == 201 || status == 200) {
                Matcher m = ID.matcher(res.body());
                if (!m.find()) {
                    throw new IllegalStateException("no id in " + res.body());
                }
                latencies.add(System.nanoTime() - t0);
                return m.group(1);
            }
            if (status >= 500) {
                serverErrors.incrementAndGet();
                return null;
            }
            if (status == 404 && !res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                return null; // Liberty's own "context root not found" page: the port is open, the EAR not yet started
            }
            if (status == 401) {
                return null; // a token fetched while Keycloak was recovering; the next attempt gets a fresh one
            }
            clientErrors.incrementAndGet();
            firstClientError.compareAndSet(null, status + " " + res.body());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            // Connection refused or reset, a timeout, or no token while Keycloak's database is down.
            connectionErrors.incrementAndGet();
            return null;
        }
    }

    void assertHealthy() {
        if (clientErrors.get() > 0) {
            throw new AssertionError("a valid post was refused: " + firstClientError.get());
        }
    }

    /** Acknowledged writes per second over the load's run (outages included: what the load held). */
    double ackedPerSecond() {
        long end = stoppedAt > 0 ? stoppedAt : System.nanoTime();
        return acked() / Math.max(1e-9, (end - startedAt) / 1e9);
    }

    /** 99th percentile of the acknowledged requests' latency, in ms. */
    double p99Millis() {
        long[] all = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return all.length == 0 ? -1 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
    }

    long acked() {
        return acknowledged.size();
    }

    long ackedBy(int caller) {
        return ackedBy[caller].get();
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> retried() {
        return Set.copyOf(retried);
    }

    long sent() {
        return sent.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    long connectionErrors() {
        return connectionErrors.get();
    }

    long clientErrors() {
        return clientErrors.get();
    }

    String firstClientError() {
        return firstClientError.get();
    }
}
