package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.system.BadInputs.Input;
import io.copartner.system.OpenApiDocument.Operation;
import io.copartner.system.RoleTokens.Caller;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzing from the contract: for every operation of the SERVED OpenAPI document, bad input generated from its
 * description (missing, extra, null and mistyped fields; huge, deep and malformed bodies; overflowing and fractional
 * amounts; invalid UUIDs, DIDs, JWS and Idempotency-Keys; control and bidirectional Unicode; traversal and injection
 * strings; wrong content types), sent with a token that reaches the operation. Every answer: no 5xx; a 4xx is
 * {@code application/problem+json} with a documented {@code type} and the right {@code status}; and the response
 * validates against the document itself (status declared, content type declared, body valid under its schema).
 *
 * <p>Seeded and reproducible: {@code -Dcopartner.fuzz.seed=N} (default fixed), {@code -Dcopartner.fuzz.per-operation=N}
 * inputs per operation (default 40; the soak run uses more).
 */
@ExtendWith(PlatformExtension.class)
class ContractFuzzIT {

    static final long SEED = Long.getLong("copartner.fuzz.seed", 20261201L);
    static final int PER_OPERATION = Integer.getInteger("copartner.fuzz.per-operation", 40);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Findings this suite made that are not fixed yet (docs/reliability.md, "open"): printed on every run, not
     * counted. Anything else fails the test. Remove an entry when its fix lands (the run prints entries that matched
     * nothing).
     */
    static final Map<String, Pattern> KNOWN_OPEN = Map.of(
        "Liberty answers a path with control characters or '..' segments with its own 400 {\"error_message\"} JSON "
            + "before any application code (CWWWC0005I; an encoded '/' or '\\' and bad UTF-8 reach EncodedPathFilter)",
        Pattern.compile(".*\\[path [^\\]]+\\] as \\w+: 400 (with content type 'application/json', not problem\\+json"
            + "|content type 'application/json' is not declared).*"));

    @Test
    void everyOperationAnswersBadInputAsTheContractSays() {
        fuzz(SEED, PER_OPERATION);
    }

    /**
     * The soak run's fuzz scenario: round after round with the next seed (so new inputs each round; the first is
     * -Dcopartner.soak.fuzz-seed, default CI's seed + 1, and each round prints its seed) until the budget is used, each
     * round checked as in CI.
     */
    static SoakScenario scenario() {
        return new SoakScenario() {
            @Override
            public String name() {
                return "contract fuzz";
            }

            @Override
            public SoakResult run(Duration budget) {
                long until = System.nanoTime() + budget.toNanos();
                long requests = 0;
                long nanos = 0;
                long seed = Long.getLong("copartner.soak.fuzz-seed", SEED + 1);
                do {
                    long started = System.nanoTime();
                    requests += fuzz(seed++, PER_OPERATION);
                    nanos += System.nanoTime() - started;
                } while (System.nanoTime() < until);
                // Every answer was checked: a 5xx or a contract violation fails the round before we get here.
                return new SoakResult("contract fuzz", requests, requests * 1e9 / nanos, -1, -1, requests, 0, -1, -1,
                    "-");
            }
        };
    }

    /** One fuzz round over every operation; fails on any response that breaks the contract; the inputs sent. */
    static int fuzz(long seed, int perOperation) {
        OpenApiDocument doc = OpenApiDocument.served();
        Set<String> documented = doc.documentedProblemTypes();
        RoleTokens tokens = RoleTokens.get();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int inputs = 0;
        int unsendable = 0;
        long started = System.nanoTime();
        for (Operation op : doc.operations()) {
            Caller caller = OperationRoles.fuzzCaller(op.id());
            for (Input input : new BadInputs(doc, op, seed).generate(perOperation)) {
                Reply r = send(tokens, caller, op, input);
                if (r.status() < 0) {
                    unsendable++;
                    continue;
                }
                inputs++;
                statuses.merge(String.valueOf(r.status()), 1, Integer::sum);
                for (String problem : check(doc, documented, op, input, r)) {
                    failures.add(op + " [" + input.label() + "] as " + caller + ": " + problem);
                }
            }
        }
        System.out.printf(Locale.ROOT, "contract fuzz: seed %d, %d operations, %d inputs sent (%d the HTTP client"
                + " refused to send), %.1f s, statuses %s, %d findings%n", seed, doc.operations().size(), inputs,
            unsendable, (System.nanoTime() - started) / 1e9,
            statuses, failures.size());
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        KNOWN_OPEN.keySet().forEach(k -> known.put(k, 0));
        for (String f : failures) {
            String match = KNOWN_OPEN.entrySet().stream().filter(e -> e.getValue().matcher(f).matches())
                .map(Map.Entry::getKey).findFirst().orElse(null);
            if (match == null) {
                unknown.add(f);
            } else {
                known.merge(match, 1, Integer::sum);
                System.out.println("  known, open: " + f);
            }
        }
        known.forEach((k, n) -> System.out.println("  known open finding x" + n + ": " + k
            + (n == 0 ? " (matched nothing: remove it once fixed)" : "")));
        unknown.stream().limit(200).forEach(f -> System.out.println("  NEW: " + f));
        assertTrue(unknown.isEmpty(), unknown.size() + " responses break the contract; first: "
            + unknown.stream().limit(20).toList());
        return inputs;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    /** What came back; {@code status} -1 when the client itself refused to send the input (e.g. a control character). */
    record Reply(int status, String contentType, Map<String, String> headers, String body) {
    }

    /**
     * Sends the input exactly as generated (bytes, content type, headers) with the JDK client: REST-assured would
     * re-encode bodies by content type and cannot send a JSON byte body as a form or multipart.
     */
    static Reply send(RoleTokens tokens, Caller caller, Operation op, Input input) {
        String path = op.path();
        for (Map.Entry<String, String> p : input.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> q : input.query().entrySet()) {
            query.append(query.length() == 0 ? "?" : "&").append(encode(q.getKey())).append('=')
                .append(encode(q.getValue()));
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(PlatformExtension.settings().baseUrl() + path + query))
                .timeout(Duration.ofSeconds(60))
                .method(op.method().toUpperCase(Locale.ROOT), input.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(input.body().getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new HashMap<>(input.headers());
            headers.putIfAbsent("Accept", "application/json, application/problem+json, */*;q=0.1");
            String token = tokens.token(caller);
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            if (input.contentType() != null) {
                headers.put("Content-Type", input.contentType());
            }
            headers.forEach(b::header);
        } catch (IllegalArgumentException unsendable) {
            return new Reply(-1, null, Map.of(), unsendable.getMessage());
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), headers,
                new String(r.body(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(op + " [" + input.label() + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> check(OpenApiDocument doc, Set<String> documented, Operation op, Input input, Reply r) {
        List<String> out = new ArrayList<>();
        int status = r.status();
        String contentType = r.contentType();
        String body = r.body();
        if (status >= 500) {
            out.add(status + " " + abbreviate(body));
            return out;
        }
        if (input.expect() != null && input.expect() != status) {
            out.add("expected " + input.expect() + ", got " + status + " " + abbreviate(body));
        }
        if (status >= 400) {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                out.add(status + " with content type '" + contentType + "', not problem+json: " + abbreviate(body));
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    String type = problem.path("type").asText(null);
                    if (type == null || !documented.contains(type)) {
                        out.add(status + " problem type '" + type + "' is not documented");
                    }
                    if (problem.path("status").asInt(-1) != status) {
                        out.add(status + " problem says status " + problem.path("status"));
                    }
                } catch (Exception e) {
                    out.add(status + " problem body is not JSON: " + abbreviate(body));
                }
            }
        }
        doc.violations(op, status, contentType, r.headers(), body).forEach(v -> out.add(status + " " + v));
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return BadInputs.abbreviate(s == null ? "" : s.replaceAll("\\s+", " "));
    }
}
