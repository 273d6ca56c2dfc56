package io.copartner.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A stand-in for the platform's public audit endpoints on 127.0.0.1 (JDK HttpServer), serving a log the test
 * builds with {@link NaiveTree}. Fields are mutable so a test can make the server lie in specific ways.
 */
final class FakeLogServer implements AutoCloseable {
    static final String ORIGIN = "copartner.test/audit";
    static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;

    final KeyPair checkpointKey = TestKeys.ed25519();
    /** The canonical JSON of every entry; the tree is rebuilt from it on each request. */
    volatile List<String> entries = new ArrayList<>();
    /** Checkpoint size (null = all entries). */
    volatile Integer checkpointSize;
    /** Entry text served instead of the real one (the tree and proofs still use the real one). */
    final Map<Integer, String> servedCanonicalOverride = new HashMap<>();
    /** Applied to the signed note before serving it. */
    volatile UnaryOperator<String> noteTamper = UnaryOperator.identity();
    /** Published anchors, in the order the server lists them. */
    final List<ObjectNode> anchors = new ArrayList<>();
    volatile int anchorPageSize = 2;
    /** Use publicKeyMultibase (Multikey) instead of publicKeyJwk. */
    volatile boolean multibaseKey;

    FakeLogServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String did() {
        return "did:web:127.0.0.1%3A" + server.getAddress().getPort();
    }

    static String entry(int i) {
        // canonical by construction: keys sorted, integers, one decimal, non-ASCII text
        return "{\"actor\":\"did:key:z6Mk" + i + "\",\"amount\":" + (1000 + i * 7) + ",\"note\":\"caf\u00e9 \u20ac" + i
                + "\",\"rate\":" + (i + 0.5) + ",\"seq\":" + i + ",\"type\":\"order.placed\"}";
    }

    static List<String> entries(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(entry(i));
        }
        return out;
    }

    NaiveTree tree() {
        return new NaiveTree(entries.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    int size() {
        return checkpointSize != null ? checkpointSize : entries.size();
    }

    byte[] root(int n) {
        return tree().root(n);
    }

    String signedNote() {
        String body = TestKeys.checkpointBody(ORIGIN, size(), root(size()));
        return noteTamper.apply(TestKeys.signedNote(body, ORIGIN, checkpointKey));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            NaiveTree t = tree();
            if (path.equals("/.well-known/did.json")) {
                json(ex, didDocument());
            } else if (path.equals("/api/v1/audit/checkpoint")) {
                String accept = ex.getRequestHeaders().getFirst("Accept");
                if (accept != null && accept.contains("application/json")) {
                    ObjectNode o = mapper.createObjectNode();
                    o.put("origin", ORIGIN).put("treeSize", size()).put("rootHash", HEX.formatHex(root(size()))).put("note", signedNote());
                    json(ex, o);
                } else {
                    send(ex, 200, "text/plain; charset=utf-8", signedNote());
                }
            } else if (path.startsWith("/api/v1/audit/entries/")) {
                int i = Integer.parseInt(path.substring("/api/v1/audit/entries/".length()));
                if (i < 0 || i >= entries.size()) {
                    send(ex, 404, "application/problem+json", "{\"status\":404}");
                    return;
                }
                // a consistent liar: the published leaf hash matches the text it serves
                String served = servedCanonicalOverride.getOrDefault(i, entries.get(i));
                ObjectNode o = mapper.createObjectNode();
                o.put("index", i).put("canonical", served)
                        .put("leafHash", HEX.formatHex(NaiveTree.sha256(new byte[] {0}, served.getBytes(StandardCharsets.UTF_8))))
                        .put("type", "order.placed").put("time", "2026-01-01T00:00:00Z");
                json(ex, o);
            } else if (path.equals("/api/v1/audit/proofs/inclusion")) {
                int i = Integer.parseInt(q.get("index"));
                int n = Integer.parseInt(q.get("treeSize"));
                ObjectNode o = mapper.createObjectNode();
                o.put("leafIndex", i).put("treeSize", n);
                ArrayNode hs = o.putArray("hashes");
                t.inclusion(i, n).forEach(h -> hs.add(HEX.formatHex(h)));
                json(ex, o);
            } else if (path.equals("/api/v1/audit/proofs/consistency")) {
                int m = Integer.parseInt(q.get("from"));
                int n = Integer.parseInt(q.get("to"));
                if (m < 1 || m > n || n > entries.size()) {
                    send(ex, 400, "application/problem+json", "{\"status\":400}");
                    return;
                }
                ObjectNode o = mapper.createObjectNode();
                o.put("from", m).put("to", n);
                ArrayNode hs = o.putArray("hashes");
                t.consistency(m, n).forEach(h -> hs.add(HEX.formatHex(h)));
                json(ex, o);
            } else if (path.equals("/api/v1/audit/anchors")) {
                int from = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor")) : 0;
                int to = Math.min(anchors.size(), from + anchorPageSize);
                ObjectNode o = mapper.createObjectNode();
                ArrayNode items = o.putArray("items");
                anchors.subList(from, to).forEach(items::add);
                if (to < anchors.size()) {
                    o.put("next", String.valueOf(to));
                } else {
                    o.putNull("next");
                }
                json(ex, o);
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", String.valueOf(e));
        }
    }

    private ObjectNode didDocument() {
        ObjectNode doc = mapper.createObjectNode();
        doc.putArray("@context").add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/suites/jws-2020/v1");
        doc.put("id", did());
        ObjectNode vm = doc.putArray("verificationMethod").addObject();
        vm.put("id", did() + "#checkpoint").put("controller", did());
        byte[] raw = TestKeys.raw(checkpointKey);
        if (multibaseKey) {
            byte[] mc = new byte[34];
            mc[0] = (byte) 0xed;
            mc[1] = 0x01;
            System.arraycopy(raw, 0, mc, 2, 32);
            vm.put("type", "Multikey").put("publicKeyMultibase", "z" + TestKeys.base58(mc));
        } else {
            vm.put("type", "JsonWebKey2020");
            vm.putObject("publicKeyJwk").put("kty", "OKP").put("crv", "Ed25519")
                    .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        }
        doc.putArray("assertionMethod").add(did() + "#checkpoint");
        return doc;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    q.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private void json(HttpExchange ex, Object body) throws IOException {
        send(ex, 200, "application/json", mapper.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
