package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the platform serves is the contract third parties generate clients from. It must equal the
 * committed snapshot (which the build lints with Spectral and generates the test client from), and the served
 * document itself must pass Spectral too. Refresh the snapshot with {@value #REFRESH}.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiContractIT {

    static final String REFRESH = "./mvnw -B verify -pl system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "
        + "-Dit.failIfNoSpecifiedTests=false -Dit.test=OpenApiContractIT -Dcopartner.openapi.update=true "
        + "-Dcopartner.it.port-offset=<yours>";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int MAX_DIFF_LINES = 60;

    static JsonNode served;

    @BeforeAll
    static void fetch() throws IOException {
        String body = given().accept("application/json").when().get("/openapi")
            .then().statusCode(200).extract().asString();
        served = normalise(JSON.readTree(body));
    }

    @Test
    void servedDocumentEqualsTheCommittedSnapshot() throws IOException {
        Path snapshot = Path.of(System.getProperty("copartner.openapi.snapshot",
            "src/test/openapi/copartner-openapi.json"));
        if (Boolean.getBoolean("copartner.openapi.update")) {
            Files.writeString(snapshot, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
            System.out.println("OpenApiContractIT: wrote " + snapshot.toAbsolutePath());
            return;
        }
        JsonNode committed = JSON.readTree(Files.readString(snapshot, StandardCharsets.UTF_8));
        List<String> diff = new ArrayList<>();
        diff("", committed, served, diff);
        if (!diff.isEmpty()) {
            List<String> shown = diff.size() > MAX_DIFF_LINES ? diff.subList(0, MAX_DIFF_LINES) : diff;
            fail("The served OpenAPI document differs from " + snapshot + " in " + diff.size() + " place(s) "
                + "(- snapshot, + served):\n" + String.join("\n", shown)
                + (diff.size() > shown.size() ? "\n... " + (diff.size() - shown.size()) + " more" : "")
                + "\nIf the change is intended, refresh the snapshot and commit it:\n  " + REFRESH);
        }
    }

    @Test
    void servedDocumentPassesSpectral() throws Exception {
        Path doc = Path.of("target", "openapi", "served-openapi.json");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, JSON.writeValueAsString(served), StandardCharsets.UTF_8);
        Path root = Path.of(System.getProperty("copartner.repo.root", "..")).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("sh", "src/test/openapi/lint.sh", root.toString(), doc.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("spectral did not finish");
        }
        assertEquals(0, p.exitValue(), "spectral found errors or warnings in the served document:\n" + out);
    }

    /**
     * Object members sorted by name, so the snapshot is byte-stable across runs and its git diff readable. The
     * document holds no per-run values (the server URL is relative, examples are literals); if one appears, drop
     * it here rather than loosen the comparison.
     */
    static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String name : new TreeSet<>(iterable(node.fieldNames()))) {
                sorted.set(name, normalise(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> array.add(normalise(e)));
            return array;
        }
        return node;
    }

    /** A line per difference: JSON-pointer-like path, then the snapshot's and the served value. */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(iterable(expected.fieldNames()));
            names.addAll(iterable(actual.fieldNames()));
            for (String name : names) {
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add("- " + child + ": " + brief(expected.get(name)));
                } else if (!expected.has(name)) {
                    out.add("+ " + child + ": " + brief(actual.get(name)));
                } else {
                    diff(child, expected.get(name), actual.get(name), out);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "/" + i, expected.get(i), actual.get(i), out);
            }
            return;
        }
        out.add("- " + path + ": " + brief(expected));
        out.add("+ " + path + ": " + brief(actual));
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
