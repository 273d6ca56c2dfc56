package io.copartner.commerce.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpcisDocumentTest {

    static final String EVENT_1 = """
        {
              "type" : "ObjectEvent",   "eventTime": "2026-12-02T08:00:00.5+08:00", "eventTimeZoneOffset": "+08:00",
              "epcList": ["https://id.gs1.org/01/04012345999990/21/A1"], "action": "ADD",
              "bizStep": "commissioning", "quantity": 1.50, "copartner:signature": "aGVhZGVy..c2ln"
            }""";
    static final String EVENT_2 = """
        {"type":"AggregationEvent","eventTime":"2026-12-02T09:00:00Z","eventTimeZoneOffset":"+00:00",\
        "parentID":"https://id.gs1.org/00/106141412345678908",\
        "childEPCs":["https://id.gs1.org/01/04012345999990/21/A1"],"action":"ADD","bizStep":"packing"}""";

    static String doc(String... events) {
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
            + "{\"copartner\":\"https://copartner.io/epcis/\"}],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
            + "\"creationDate\":\"2026-12-02T08:00:00Z\",\"epcisBody\":{\"eventList\":[" + String.join(" ,\n ", events)
            + "]}}";
    }

    @Test
    void eventsKeepTheirExactSourceText() {
        EpcisDocument d = EpcisDocument.parse(doc(EVENT_1, EVENT_2));
        assertEquals(2, d.events().size());
        assertEquals(EVENT_1, d.events().get(0).raw());
        assertEquals(EVENT_2, d.events().get(1).raw());
        assertEquals("https://copartner.io/epcis/", d.namespaces().get("copartner"));
        EpcisEvent e = d.events().get(0);
        assertTrue(e.commissioning());
        assertEquals(List.of("https://id.gs1.org/01/04012345999990/21/A1"), e.field("epcList"));
        assertEquals("aGVhZGVy..c2ln", e.signature().orElseThrow());
        assertEquals(List.of("https://id.gs1.org/00/106141412345678908"), d.events().get(1).field("parentID"));
    }

    @Test
    void storedTextAddsOnlyEventIdAndRecordTime() throws java.io.IOException {
        EpcisEvent e = EpcisDocument.parse(doc(EVENT_1)).events().get(0);
        String stored = e.stored("ni:///sha-256;ab?ver=CBV2.0", "2026-12-02T00:00:01Z");
        assertEquals("{\"eventID\":\"ni:///sha-256;ab?ver=CBV2.0\",\"recordTime\":\"2026-12-02T00:00:01Z\","
            + EVENT_1.substring(1), stored);
        EpcisDocument.JSON.readTree(stored.getBytes(StandardCharsets.UTF_8)); // still JSON
    }

    @Test
    void theSignedPayloadIsCanonicalJsonWithoutSignatureEventIdAndRecordTime() {
        String withId = EVENT_1.replace("\"type\" : \"ObjectEvent\",", "\"type\" : \"ObjectEvent\", \"eventID\": \"x\",");
        EpcisEvent e = EpcisDocument.parse(doc(withId)).events().get(0);
        assertEquals("{\"action\":\"ADD\",\"bizStep\":\"commissioning\",\"epcList\":"
            + "[\"https://id.gs1.org/01/04012345999990/21/A1\"],\"eventTime\":\"2026-12-02T08:00:00.5+08:00\","
            + "\"eventTimeZoneOffset\":\"+08:00\",\"quantity\":1.5,\"type\":\"ObjectEvent\"}",
            new String(SignaturePayload.of(e), StandardCharsets.UTF_8));
    }

    @Test
    void documentsThatAreNotSchemaValidAreRefused() {
        for (String bad : List.of("", "[]", "nope", "{\"type\":\"EPCISDocument\"}",
            doc().replace("[]", "{}"), doc(),
            doc("{\"type\":\"TransactionEventX\",\"eventTime\":\"2026-12-02T09:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"ADD\"}"),
            doc(EVENT_2.replace("\"action\":\"ADD\"", "\"action\":\"MOVE\"")),
            doc(EVENT_2.replace("2026-12-02T09:00:00Z", "yesterday")),
            doc(EVENT_2.replace("2026-12-02T09:00:00Z", "2026-12-02T09:00Z")),
            doc(EVENT_2.replace("\"+00:00\"", "\"UTC\"")),
            doc(EVENT_2.replace("\"childEPCs\":[", "\"childEPCs\":[7,")),
            doc(EVENT_2.replace("\"bizStep\"", "\"recordTime\":\"2026-12-02T09:00:00Z\",\"bizStep\"")),
            doc(EVENT_2.replace("\"type\":\"AggregationEvent\"", "\"type\":\"AggregationEvent\",\"type\":\"ObjectEvent\"")),
            doc().replace("\"2.0\"", "\"1.2\""))) {
            assertThrows(EpcisDocument.Invalid.class, () -> EpcisDocument.parse(bad), bad);
        }
    }
}
