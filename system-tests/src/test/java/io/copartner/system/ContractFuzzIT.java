package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.system.BadInputs.Input;
import io.copartner.system.OpenApiDocument.Operation;
import io.copartner.system.RoleTokens.Caller;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    @Test
    void everyOperationAnswersBadInputAsTheContractSays() {
        OpenApiDocument doc = OpenApiDocument.served();
        Set<String> documented = doc.documentedProblemTypes();
        RoleTokens tokens = RoleTokens.get();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int inputs = 0;
        long started = System.nanoTime();
        for (Operation op : doc.operations()) {
            Caller caller = OperationRoles.fuzzCaller(op.id());
            for (Input input : new BadInputs(doc, op, SEED).generate(PER_OPERATION)) {
                inputs++;
                Response r = send(tokens, caller, op, input);
                statuses.merge(String.valueOf(r.statusCode()), 1, Integer::sum);
                for (String problem : check(doc, documented, op, input, r)) {
                    failures.add(op + " [" + input.label() + "] as " + caller + ": " + problem);
                }
            }
        }
        System.out.printf(Locale.ROOT, "contract fuzz: seed %d, %d operations, %d inputs, %.1f s, statuses %s,"
                + " %d findings%n", SEED, doc.operations().size(), inputs, (System.nanoTime() - started) / 1e9,
            statuses, failures.size());
        failures.stream().limit(200).forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.size() + " responses break the contract; first: "
            + failures.stream().limit(20).toList());
    }

    static Response send(RoleTokens tokens, Caller caller, Operation op, Input input) {
        String path = op.path();
        for (Map.Entry<String, String> p : input.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> q : input.query().entrySet()) {
            query.append(query.length() == 0 ? "?" : "&").append(encode(q.getKey())).append('=')
                .append(encode(q.getValue()));
        }
        RequestSpecification r = tokens.as(caller).urlEncodingEnabled(false)
            .config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000)));
        Map<String, String> headers = new HashMap<>(input.headers());
        headers.putIfAbsent("Accept", "application/json, application/problem+json, */*;q=0.1");
        r = r.headers(headers);
        if (input.contentType() != null) {
            r = r.contentType(input.contentType());
        }
        if (input.body() != null) {
            r = r.body(input.body().getBytes(StandardCharsets.UTF_8));
        }
        return r.request(op.method().toUpperCase(Locale.ROOT), path + query);
    }

    static List<String> check(OpenApiDocument doc, Set<String> documented, Operation op, Input input, Response r) {
        List<String> out = new ArrayList<>();
        int status = r.statusCode();
        String contentType = r.contentType();
        String body = r.asString();
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
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        doc.violations(op, status, contentType, headers, body).forEach(v -> out.add(status + " " + v));
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return BadInputs.abbreviate(s == null ? "" : s.replaceAll("\\s+", " "));
    }
}
