package io.copartner.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the platform serves at {@code /openapi}, read as data: its operations, the problem types it
 * documents, and a check of any response (status, headers, body) against it. Schemas are validated with
 * networknt's json-schema-validator in the OpenAPI 3.1 dialect (JSON Schema 2020-12 plus OAS keywords), the
 * dialect the document declares. Reusable by any black-box test that wants "the contract says so".
 */
public final class OpenApiDocument {

    private static final String BASE = "urn:copartner:openapi";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("`(https://copartner\\.io/problems/[a-z0-9-]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final List<Operation> operations;

    private OpenApiDocument(String text) {
        try {
            this.root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, text)));
        this.operations = readOperations();
    }

    /** The document as the started platform serves it now (so endpoints added later are picked up by themselves). */
    public static OpenApiDocument served() {
        return parse(given().accept("application/json").get("/openapi").then().statusCode(200).extract().asString());
    }

    public static OpenApiDocument parse(String json) {
        return new OpenApiDocument(json);
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Problem {@code type}s the document lists (the Problem schema's description), plus {@code about:blank}. */
    public Set<String> documentedProblemTypes() {
        Set<String> types = new LinkedHashSet<>();
        types.add("about:blank");
        Matcher m = PROBLEM_TYPE.matcher(root.path("components").path("schemas").path("Problem")
            .path("description").asText());
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    /** Resolves a local {@code $ref} (and only that), so generators can walk schemas. */
    public JsonNode deref(JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref") && guard++ < 16) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /**
     * What in this response the document does not allow: an undeclared status, an undeclared content type, a missing
     * required header, a body that fails the declared schema. Empty when the response is what the contract says.
     */
    public List<String> violations(Operation op, int status, String contentType, Map<String, String> headers,
            String body) {
        List<String> out = new ArrayList<>();
        JsonNode responses = op.node().path("responses");
        String key = String.valueOf(status);
        JsonNode response = responses.has(key) ? responses.get(key)
            : responses.has(key.charAt(0) + "XX") ? responses.get(key.charAt(0) + "XX") : responses.get("default");
        if (response == null) {
            out.add("status " + status + " is not declared for " + op.id());
            return out;
        }
        String pointer = "/paths/" + escape(op.path()) + "/" + op.method() + "/responses/"
            + (responses.has(key) ? key : responses.has(key.charAt(0) + "XX") ? key.charAt(0) + "XX" : "default");
        response = deref(response);
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            if (deref(h.getValue()).path("required").asBoolean(false) && headers.keySet().stream()
                    .noneMatch(n -> n.equalsIgnoreCase(h.getKey()))) {
                out.add("required header " + h.getKey() + " missing");
            }
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            return out;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            out.add("a body was sent where the document declares none");
            return out;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String declared = null;
        for (Iterator<String> it = content.fieldNames(); it.hasNext();) {
            String candidate = it.next();
            if (candidate.equalsIgnoreCase(media) || candidate.equals("*/*")) {
                declared = candidate;
                break;
            }
        }
        if (declared == null) {
            out.add("content type '" + contentType + "' is not declared (declared: " + content.properties().stream()
                .map(Map.Entry::getKey).toList() + ")");
            return out;
        }
        if (!content.get(declared).has("schema") || !(media.endsWith("json"))) {
            return out;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            out.add("body is not JSON although " + media + ": " + e.getMessage());
            return out;
        }
        Schema schema = compiled.computeIfAbsent(pointer + "/content/" + escape(declared) + "/schema",
            p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)));
        schema.validate(instance).forEach(e -> out.add("body " + e));
        return out;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private List<Operation> readOperations() {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(p -> params.add(deref(p)));
                m.getValue().path("parameters").forEach(p -> params.add(deref(p)));
                JsonNode security = m.getValue().has("security") ? m.getValue().get("security") : root.path("security");
                boolean secured = security.isArray() && !security.isEmpty() && security.get(0).size() > 0;
                ops.add(new Operation(m.getValue().path("operationId").asText(m.getKey() + " " + path.getKey()),
                    m.getKey(), path.getKey(), m.getValue(), List.copyOf(params), secured));
            }
        }
        return List.copyOf(ops);
    }

    /** One operation of the document. */
    public record Operation(String id, String method, String path, JsonNode node, List<JsonNode> parameters,
            boolean secured) {

        public List<JsonNode> parameters(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asText())).toList();
        }

        /** The JSON request body's schema node (possibly a $ref), or null when the operation takes none. */
        public JsonNode jsonBodySchema() {
            JsonNode c = node.path("requestBody").path("content").path("application/json");
            return c.isMissingNode() ? null : c.path("schema");
        }

        /** The first example of the JSON request body the document gives, or null. */
        public JsonNode jsonBodyExample() {
            JsonNode c = node.path("requestBody").path("content").path("application/json");
            if (c.has("example")) {
                return c.get("example");
            }
            for (JsonNode e : c.path("examples")) {
                if (e.has("value")) {
                    return e.get("value");
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return id + " (" + method.toUpperCase(Locale.ROOT) + " " + path + ")";
        }
    }
}
