package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Read-only client of the platform's public audit endpoints (DESIGN §4). */
final class LogClient {
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper mapper;

    LogClient(URI base, ObjectMapper mapper) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI base() {
        return base;
    }

    String get(String pathAndQuery, String accept) throws IOException {
        URI uri = URI.create(base + pathAndQuery);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET().build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (resp.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " returned HTTP " + resp.statusCode());
        }
        return resp.body();
    }

    JsonNode getJson(String pathAndQuery) throws IOException {
        String body = get(pathAndQuery, "application/json");
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new IOException("GET " + pathAndQuery + " did not return JSON", e);
        }
    }

    JsonNode didDocument() throws IOException {
        return getJson("/.well-known/did.json");
    }

    String checkpointNote() throws IOException {
        return get("/api/v1/audit/checkpoint", "text/plain");
    }

    JsonNode entry(long index) throws IOException {
        return getJson("/api/v1/audit/entries/" + index);
    }

    JsonNode inclusionProof(long index, long treeSize) throws IOException {
        return getJson("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + treeSize);
    }

    JsonNode consistencyProof(long from, long to) throws IOException {
        return getJson("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + to);
    }

    /** All anchors, following the {@code next} cursor. */
    List<JsonNode> anchors() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < 100_000; page++) {
            String q = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            JsonNode resp = getJson("/api/v1/audit/anchors" + q);
            JsonNode items = resp.path("items");
            if (!items.isArray()) {
                throw new IOException("anchors response has no 'items' array");
            }
            items.forEach(all::add);
            JsonNode next = resp.get("next");
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                return all;
            }
            cursor = next.asText();
            if (!seen.add(cursor)) {
                throw new IOException("anchors pagination loops (cursor " + cursor + " repeated)");
            }
        }
        throw new IOException("too many anchor pages");
    }

    /** Hex hashes of a proof response's {@code hashes} array. */
    static List<byte[]> hashes(JsonNode proof) {
        JsonNode hs = proof.path("hashes");
        if (!hs.isArray()) {
            throw new IllegalArgumentException("proof has no 'hashes' array");
        }
        List<byte[]> out = new ArrayList<>();
        for (JsonNode h : hs) {
            out.add(Hex.hash32(h.asText()));
        }
        return out;
    }
}
