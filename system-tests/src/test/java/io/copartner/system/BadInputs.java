package io.copartner.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copartner.system.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile and careless inputs for one operation, generated from its OpenAPI description: a plausible base request
 * (from the document's examples, else from its schemas), then one thing wrong at a time. Deterministic for a seed.
 */
final class BadInputs {

    /** One request to send: what is wrong with it, and the status it must get when that is fixed by the contract. */
    record Input(String label, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
            String contentType, String body, Integer expect) {

        Input with(String newLabel, Map<String, String> newPath, Map<String, String> newQuery,
                Map<String, String> newHeaders, String newContentType, String newBody, Integer newExpect) {
            return new Input(newLabel, newPath, newQuery, newHeaders, newContentType, newBody, newExpect);
        }
    }

    static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Values no string field or parameter should turn into a 500. */
    static final List<String> STRINGS = List.of("", " ", "a".repeat(10_000), "\u0000\u0007\u001b[31m",
        "\u202Egnp.exe\u202C", "\u200B\uFEFF", "\uD83D\uDE00\u4E2D\u6587", "../../../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1' --", "1; DROP TABLE ledger.account;--", "\"},{\"admin\":true,\"x\":\"",
        "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "not-a-uuid", "00000000-0000-0000-0000-00000000000g",
        "did:", "did:key:", "did:key:z6Mk" + "1".repeat(40), "did:web:127.0.0.1%3A1:..:x", "did:example:\u202E",
        "eyJhbGciOiJub25lIn0.e30.", "a.b.c", "NaN", "-1", "1.5", "9223372036854775808", "%", "%00", "\\u0000");
    /** Values no integer field should accept or turn into a 500 (JSON literals). */
    static final List<String> INTEGERS = List.of("-1", "0", "1.5", "1e3", "1.0", "9007199254740992",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1e400", "-0", "\"12\"", "true", "null", "[]", "{}");
    /** Values no Idempotency-Key should accept (visible ASCII, 1..200 is the rule). */
    static final List<String> KEYS = List.of("", " ", "two words", "k".repeat(201), "ключ", "\u202Ekey",
        "k\u0001k", "' OR 1=1 --");
    static final List<String> MALFORMED = List.of("{", "}", "[1,", "{\"a\":}", "{\"a\" 1}", "nul", "tru",
        "{'a':1}", "{\"a\":1}}", "{\"a\":1} trailing", "\uFEFF{}", "{\"a\":\"\\x\"}", "{\"a\":\"\\uZZZZ\"}",
        "{\"a\":1,}", "[01]", "{\"a\":NaN}", "{\"a\":Infinity}", "\"unterminated");

    private final OpenApiDocument doc;
    private final Operation op;
    private final Random random;

    BadInputs(OpenApiDocument doc, Operation op, long seed) {
        this.doc = doc;
        this.op = op;
        this.random = new Random(seed ^ op.id().hashCode());
    }

    /** The inputs for this operation: the structural ones always, then a seeded sample of the rest, up to budget. */
    List<Input> generate(int budget) {
        Input base = base();
        List<Input> always = new ArrayList<>();
        List<Input> rest = new ArrayList<>();
        JsonNode bodySchema = op.jsonBodySchema();
        if (bodySchema != null) {
            always.add(body(base, "body over the limit", "{\"x\":\"" + "a".repeat(MAX_BODY) + "\"}", 413));
            always.add(body(base, "deep arrays", "[".repeat(100_000) + "]".repeat(100_000), null));
            always.add(body(base, "deep objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000), null));
            always.add(base.with("no body", base.path(), base.query(), base.headers(), "application/json", null, null));
            always.add(base.with("text/plain body", base.path(), base.query(), base.headers(), "text/plain",
                base.body(), null));
            for (String ct : List.of("application/xml", "application/x-www-form-urlencoded", "garbage",
                    "application/json; charset=utf-16", "multipart/form-data; boundary=x")) {
                rest.add(base.with("content type " + ct, base.path(), base.query(), base.headers(), ct, base.body(),
                    null));
            }
            for (String m : MALFORMED) {
                rest.add(body(base, "malformed " + m, m, 400));
            }
            for (String s : List.of("", "null", "[]", "\"text\"", "42", "{}", "[{}]")) {
                rest.add(body(base, "body " + s, s, null));
            }
            rest.add(body(base, "huge body under the limit", "{\"x\":\"" + "a".repeat(MAX_BODY / 2) + "\"}", null));
            JsonNode parsed = parse(base.body());
            if (parsed instanceof ObjectNode object) {
                ObjectNode extra = object.deepCopy();
                extra.put("unexpectedField", "x");
                extra.put("__proto__", "x");
                rest.add(body(base, "extra fields", extra.toString(), null));
                rest.add(body(base, "duplicate key", base.body().replaceFirst("\\{", "{\"dup\":1,\"dup\":2,"), null));
                mutateObject(base, object, doc.deref(bodySchema), "", object, rest);
            }
        } else if ("post".equals(op.method()) || "put".equals(op.method())) {
            always.add(body(base, "body over the limit", "{\"x\":\"" + "a".repeat(MAX_BODY) + "\"}", 413));
        }
        for (JsonNode p : op.parameters("path")) {
            String name = p.path("name").asText();
            for (String v : STRINGS) {
                if (v.isEmpty() || v.isBlank()) {
                    continue; // an empty segment is another route, not this operation
                }
                Map<String, String> path = new LinkedHashMap<>(base.path());
                path.put(name, v);
                rest.add(base.with("path " + name + "=" + abbreviate(v), path, base.query(), base.headers(),
                    base.contentType(), base.body(), null));
            }
        }
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            List<String> values = new ArrayList<>(STRINGS);
            if ("integer".equals(doc.deref(p.path("schema")).path("type").asText())) {
                values.addAll(List.of("-1", "0", "1.5", "1e3", "9007199254740993", "9223372036854775808", "abc"));
            }
            for (String v : values) {
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put(name, v);
                rest.add(base.with("query " + name + "=" + abbreviate(v), base.path(), query, base.headers(),
                    base.contentType(), base.body(), null));
            }
        }
        Map<String, String> extraQuery = new LinkedHashMap<>(base.query());
        extraQuery.put("unexpected", "1");
        rest.add(base.with("extra query parameter", base.path(), extraQuery, base.headers(), base.contentType(),
            base.body(), null));
        // Only an operation that takes an Idempotency-Key must refuse a bad one (getReport's headers are Accept ones).
        boolean takesKey = op.parameters("header").stream()
            .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.path("name").asText()));
        if (takesKey) {
            for (String k : KEYS) {
                Map<String, String> h = new LinkedHashMap<>(base.headers());
                h.put("Idempotency-Key", k);
                rest.add(base.with("Idempotency-Key " + abbreviate(k), base.path(), base.query(), h,
                    base.contentType(), base.body(), k.isEmpty() ? null : 400));
            }
        }
        Map<String, String> xml = new LinkedHashMap<>(base.headers());
        xml.put("Accept", "application/xml");
        rest.add(base.with("Accept application/xml", base.path(), base.query(), xml, base.contentType(), base.body(),
            null));
        Collections.shuffle(rest, random);
        List<Input> out = new ArrayList<>(always);
        out.addAll(rest.subList(0, Math.min(rest.size(), Math.max(0, budget - always.size()))));
        return out;
    }

    /** A request the contract would accept in shape (values may still name nothing that exists). */
    Input base() {
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("path")) {
            path.put(p.path("name").asText(), sample(p));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("query")) {
            if (p.path("required").asBoolean(false)) {
                query.put(p.path("name").asText(), sample(p));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("header")) {
            if ("Idempotency-Key".equalsIgnoreCase(p.path("name").asText())) {
                headers.put("Idempotency-Key", "fuzz-" + new UUID(random.nextLong(), random.nextLong()));
            }
        }
        String body = null;
        String contentType = null;
        JsonNode schema = op.jsonBodySchema();
        if (schema != null) {
            JsonNode example = op.jsonBodyExample();
            if (example == null) {
                JsonNode examples = doc.deref(schema).path("examples");
                example = examples.isArray() && !examples.isEmpty() ? examples.get(0) : synthesize(schema, 0);
            }
            body = example.toString();
            contentType = "application/json";
        }
        return new Input("base", path, query, headers, contentType, body, null);
    }

    private void mutateObject(Input base, ObjectNode whole, JsonNode schema, String prefix, ObjectNode target,
            List<Input> out) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> prop = it.next();
            String name = prop.getKey();
            JsonNode ps = doc.deref(prop.getValue());
            String label = prefix + name;
            if (required.contains(name)) {
                out.add(replaced(base, whole, target, name, null, "missing " + label, true));
            }
            out.add(replaced(base, whole, target, name, F.nullNode(), label + "=null", false));
            String type = ps.path("type").isArray() ? ps.path("type").get(0).asText() : ps.path("type").asText();
            List<String> literals = new ArrayList<>(List.of("\"text\"", "123", "true", "{}", "[]"));
            if ("integer".equals(type) || "number".equals(type)) {
                literals.addAll(INTEGERS);
            } else if ("string".equals(type) || type.isEmpty()) {
                for (String s : STRINGS) {
                    literals.add(F.textNode(s).toString());
                }
                literals.add(F.textNode("a".repeat(200_000)).toString());
            } else if ("array".equals(type)) {
                literals.addAll(List.of("[null]", "[[]]", "[" + "1,".repeat(10_000) + "1]"));
                JsonNode current = target.get(name);
                JsonNode items = doc.deref(ps.path("items"));
                if (current instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first
                        && prefix.isEmpty()) {
                    mutateObject(base, whole, items, label + "[0].", first, out);
                }
            } else if ("object".equals(type) && target.get(name) instanceof ObjectNode nested && prefix.isEmpty()) {
                mutateObject(base, whole, ps, label + ".", nested, out);
            }
            for (String literal : literals) {
                out.add(replaced(base, whole, target, name, parse(literal), label + "=" + abbreviate(literal), false));
            }
        }
    }

    /** The whole body with one property of {@code target} (somewhere inside it) replaced or removed. */
    private Input replaced(Input base, ObjectNode whole, ObjectNode target, String name, JsonNode value, String label,
            boolean remove) {
        JsonNode saved = target.get(name);
        if (remove) {
            target.remove(name);
        } else {
            target.set(name, value);
        }
        String text = whole.toString();
        if (saved == null) {
            target.remove(name);
        } else {
            target.set(name, saved);
        }
        return body(base, label, text, null);
    }

    private static Input body(Input base, String label, String body, Integer expect) {
        return base.with(label, base.path(), base.query(), base.headers(), "application/json", body, expect);
    }

    private String sample(JsonNode param) {
        if (param.has("example")) {
            return param.get("example").asText();
        }
        JsonNode s = doc.deref(param.path("schema"));
        if (s.has("example")) {
            return s.get("example").asText();
        }
        if (s.path("examples").isArray() && !s.path("examples").isEmpty()) {
            return s.path("examples").get(0).asText();
        }
        return synthesize(s, 0).asText();
    }

    private JsonNode synthesize(JsonNode schemaRef, int depth) {
        JsonNode s = doc.deref(schemaRef);
        if (s.has("example")) {
            return s.get("example");
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText();
        switch (type) {
            case "integer", "number" -> {
                return F.numberNode(s.path("minimum").asLong(1));
            }
            case "boolean" -> {
                return F.booleanNode(true);
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                if (depth < 4) {
                    a.add(synthesize(s.path("items"), depth + 1));
                }
                return a;
            }
            case "object" -> {
                ObjectNode o = F.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(),
                        synthesize(e.getValue(), depth + 1)));
                }
                return o;
            }
            default -> {
                if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
                    return s.path("enum").get(0);
                }
                return F.textNode("uuid".equals(s.path("format").asText()) ? UUID.randomUUID().toString() : "x");
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            return F.textNode(text);
        }
    }

    static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x200B && c <= 0x202E) || c == 0xFEFF) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
