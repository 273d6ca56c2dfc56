package io.copartner.commerce.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * CBV 2.0 event hash IDs as the platform computes them (one event at a time, with the document context's
 * prefixes) against the reference implementation's published examples (src/test/resources/epcis-hash-examples).
 */
class EventHashIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"epcisDocWithSingleEvent", "epcisDocWithDefaultSchemaInContext",
        "epcisDocWithCustomSchemaInContext", "epcisEventWithCURIEs"})
    void eachEventHashesToTheReferenceId(String example) throws IOException {
        JsonNode doc = EpcisDocument.JSON.readTree(resource(example + ".jsonld"));
        List<String> expected = resource(example + ".hashes").lines().filter(l -> !l.isBlank()).toList();
        Map<String, String> namespaces = EpcisDocument.namespaces(doc.get("@context"));
        List<String> got = new ArrayList<>();
        for (JsonNode e : doc.path("epcisBody").path("eventList")) {
            got.add(EventHashIds.of((ObjectNode) e, namespaces));
        }
        assertEquals(expected, got);
    }

    @Test
    void theSignatureEventIdAndRecordTimeDoNotChangeTheId() throws IOException {
        JsonNode doc = EpcisDocument.JSON.readTree(resource("epcisDocWithSingleEvent.jsonld"));
        Map<String, String> namespaces = Map.of("copartner", "https://copartner.io/epcis/");
        ObjectNode event = (ObjectNode) doc.path("epcisBody").path("eventList").get(0);
        String id = EventHashIds.of(event, namespaces);
        assertEquals("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0", id);
        ObjectNode signed = event.deepCopy();
        signed.put("copartner:signature", "eyJhbGciOiJFZERTQSJ9..c2ln");
        signed.put("eventID", "ni:///sha-256;00?ver=CBV2.0");
        signed.put("recordTime", "2026-12-02T06:00:00Z");
        EpcisEvent parsed = new EpcisEvent(0, "ObjectEvent", "OBSERVE", "shipping", null, Map.of(), signed, "{}");
        assertEquals(id, EventHashIds.of(parsed, namespaces));
        // ...while any other change does.
        ObjectNode other = event.deepCopy();
        other.put("disposition", "active");
        assertNotEquals(id, EventHashIds.of(other, namespaces));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EventHashIdsTest.class.getResourceAsStream("/epcis-hash-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
