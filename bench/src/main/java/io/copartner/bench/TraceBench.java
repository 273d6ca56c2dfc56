package io.copartner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.kernel.json.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * t. Traceability through the public contract: EPCIS capture events/s (each document 10 commissioning events of new
 * items, signed by a did:key farm the merchant authorised, {@code --threads} uploaders) and the public trace page of
 * one item with 100 events (HTML and JSON), p50/p99 measured by one client on loopback.
 */
final class TraceBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
        + "{\"copartner\":\"https://copartner.io/epcis/\"}]";

    private final PlatformBench bench;
    private final PlatformBench.Options options;
    private final List<PlatformBench.Row> rows;
    private final Load.Result getBaseline;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    TraceBench(PlatformBench bench, PlatformBench.Options options, List<PlatformBench.Row> rows, Load.Result getBaseline,
               String baseUrl) {
        this.bench = bench;
        this.options = options;
        this.rows = rows;
        this.getBaseline = getBaseline;
        this.baseUrl = baseUrl;
    }

    void run() throws Exception {
        System.out.println("[bench] t. a merchant, a product, a did:key farm authorised for it ...");
        String admin = bench.token("admin", "admin");
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String merchant = JSON.readTree(expect(bench.post("/api/v1/admin/merchants", admin, UUID.randomUUID().toString(),
            JSON.writeValueAsString(java.util.Map.of("name", "Bench tea", "businessLicence", "91310000MA1FL0001X",
                "contactEmail", user + "@bench.example", "username", user, "password", password))), 201,
            "create merchant").body()).path("id").asText();
        expect(bench.post("/api/v1/admin/merchants/" + merchant + "/verification", admin, UUID.randomUUID().toString(),
            "{}"), 200, "verify merchant");
        String token = bench.token(user, password);
        String gtin = gtin();
        String product = JSON.readTree(expect(bench.post("/api/v1/products", token, UUID.randomUUID().toString(),
            "{\"gtin\":\"" + gtin + "\",\"name\":\"Bench tea\",\"description\":\"traced\",\"category\":\"tea\","
                + "\"mediaUrls\":[],\"stock\":1,\"prices\":[{\"currency\":\"CNY\",\"amount\":100}]}"), 201,
            "create product").body()).path("id").asText();
        DidSignIn farm = new DidSignIn();
        String farmToken = bench.signIn(farm);
        expect(bench.post("/api/v1/products/" + product + "/parties", token, null,
            "{\"did\":\"" + farm.did + "\",\"role\":\"farm\"}"), 201, "authorise farm");

        // The trace page of one item with 100 events.
        String serial = "T" + UUID.randomUUID().toString().substring(0, 8);
        String item = "https://id.gs1.org/01/" + gtin + "/21/" + serial;
        Instant t0 = Instant.now().minus(Duration.ofHours(2));
        List<String> events = new ArrayList<>();
        events.add(event(farm, item, t0, "ADD", "commissioning"));
        for (int i = 1; i < 100; i++) {
            events.add(event(farm, item, t0.plusSeconds(i), "OBSERVE", i % 2 == 0 ? "inspecting" : "storing"));
        }
        for (int i = 0; i < 100; i += 25) {
            capture(farmToken, events.subList(i, i + 25));
        }
        String path = "/trace/01/" + gtin + "/21/" + serial;
        long[] html = timeGets(path, "text/html", 100, 500);
        long[] json = timeGets(path, "application/json", 50, 300);
        rows.add(new PlatformBench.Row("t", "trace page, 100 events, HTML: p50 / p99 (1 client, 500 GETs)",
            PlatformBench.ms(PlatformBench.pct(html, 50)) + " / " + PlatformBench.ms(PlatformBench.pct(html, 99)),
            "goal p99 < 50 ms"));
        rows.add(new PlatformBench.Row("t", "trace JSON, 100 events: p50 / p99 (1 client, 300 GETs)",
            PlatformBench.ms(PlatformBench.pct(json, 50)) + " / " + PlatformBench.ms(PlatformBench.pct(json, 99)),
            ""));

        // Capture throughput: each op one document of 10 commissioning events of fresh items.
        System.out.printf("[bench] t. EPCIS capture, %d uploaders, 10 events per document ...%n", options.threads());
        AtomicLong serials = new AtomicLong();
        Load.Result r = Load.run("capture", options.threads(), options.warmup(), options.seconds(), thread -> () -> {
            List<String> doc = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                doc.add(event(farm, "https://id.gs1.org/01/" + gtin + "/21/c" + thread + "x" + serials.incrementAndGet(),
                    Instant.now().minusSeconds(60), "ADD", "commissioning"));
            }
            capture(farmToken, doc);
        });
        PlatformBench.report(r, "EPCIS capture");
        double perSecond = r.perSecond() * 10;
        rows.add(new PlatformBench.Row("t", "EPCIS events captured/s (" + options.threads() + " uploaders, 10 per doc)",
            PlatformBench.fmt(perSecond), getBaseline == null ? "" : String.format("%.3f of GET/s in docs",
                r.perSecond() / getBaseline.perSecond()), perSecond));
        rows.add(new PlatformBench.Row("t", "capture of a 10-event document: p50 / p99",
            PlatformBench.ms(r.percentileMillis(50)) + " / " + PlatformBench.ms(r.percentileMillis(99)),
            r.errors() == 0 ? "" : r.errors() + " errors: " + r.firstError()));
    }

    /** A signed ObjectEvent; the signed payload is the RFC 8785 form of the event without its signature. */
    private static String event(DidSignIn signer, String epc, Instant at, String action, String bizStep) throws Exception {
        String unsigned = "{\"type\":\"ObjectEvent\",\"eventTime\":\"" + at + "\",\"eventTimeZoneOffset\":\"+00:00\","
            + "\"epcList\":[\"" + epc + "\"],\"action\":\"" + action + "\",\"bizStep\":\"" + bizStep + "\","
            + "\"disposition\":\"active\",\"readPoint\":{\"id\":\"https://id.gs1.org/414/4012345000009\"}}";
        String sig = signer.detached(CanonicalJson.canonicalBytes(unsigned));
        return unsigned.substring(0, unsigned.length() - 1) + ",\"copartner:signature\":\"" + sig + "\"}";
    }

    private void capture(String token, List<String> events) throws Exception {
        String doc = "{\"@context\":" + CONTEXT + ",\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
            + "\"creationDate\":\"" + Instant.now() + "\",\"epcisBody\":{\"eventList\":[" + String.join(",", events) + "]}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/epcis/capture"))
            .header("Content-Type", "application/ld+json").header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(doc)).build(),
            HttpResponse.BodyHandlers.ofString());
        expect(r, 202, "capture");
        HttpResponse<String> job = http.send(HttpRequest.newBuilder(URI.create(baseUrl + r.headers()
                .firstValue("Location").orElseThrow())).header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (!JSON.readTree(job.body()).path("success").asBoolean()) {
            throw new IllegalStateException("capture refused: " + job.body());
        }
    }

    private long[] timeGets(String path, String accept, int warmup, int n) throws Exception {
        long[] out = new long[n];
        for (int i = -warmup; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            long d = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
            }
            if (i >= 0) {
                out[i] = d;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static String gtin() {
        StringBuilder s = new StringBuilder("0");
        for (int i = 0; i < 12; i++) {
            s.append(RANDOM.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = s.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return s.append((10 - sum % 10) % 10).toString();
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
