package io.copartner.commerce.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EPCIS 2.0 {@code EPCISDocument} in JSON/JSON-LD, checked against the parts of the EPCIS 2.0 JSON schema the
 * platform relies on (document type, schema version, creation date, context, the event list and each event's type,
 * times, action and EPC lists). Each event keeps its exact source text, so it is stored and served byte-for-byte.
 */
public record EpcisDocument(Map<String, String> namespaces, List<EpcisEvent> events) {

    public static final int MAX_EVENTS = 500;
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    static final Set<String> TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransformationEvent", "AssociationEvent");
    static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
        "outputQuantityList");

    /** Why a document is not a schema-valid EPCIS document (a 400 at once). */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static EpcisDocument parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("the body must be an EPCIS 2.0 EPCISDocument");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new Invalid("the body is not JSON: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode doc)) {
            throw new Invalid("the body must be a JSON object (an EPCISDocument)");
        }
        if (!"EPCISDocument".equals(doc.path("type").asText(null))) {
            throw new Invalid("type must be EPCISDocument");
        }
        if (!"2.0".equals(doc.path("schemaVersion").asText(null)) || !doc.path("schemaVersion").isTextual()) {
            throw new Invalid("schemaVersion must be \"2.0\"");
        }
        time(doc.get("creationDate"), "creationDate");
        Map<String, String> namespaces = namespaces(doc.get("@context"));
        JsonNode list = doc.path("epcisBody").path("eventList");
        if (!list.isArray() || list.isEmpty()) {
            throw new Invalid("epcisBody.eventList must be a non-empty array");
        }
        if (list.size() > MAX_EVENTS) {
            throw new Invalid("at most " + MAX_EVENTS + " events per document");
        }
        List<String> raw = rawEvents(text);
        List<EpcisEvent> events = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode event)) {
                throw new Invalid("event " + i + " is not an object");
            }
            events.add(event(i, event, raw.get(i)));
        }
        return new EpcisDocument(namespaces, List.copyOf(events));
    }

    private static EpcisEvent event(int i, ObjectNode e, String raw) {
        String at = "event " + i + ": ";
        String type = e.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw new Invalid(at + "type must be one of " + TYPES);
        }
        OffsetDateTime eventTime = time(e.get("eventTime"), at + "eventTime");
        JsonNode offset = e.get("eventTimeZoneOffset");
        if (offset == null || !offset.isTextual() || !offset.asText().matches("[+-]([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw new Invalid(at + "eventTimeZoneOffset must be ±hh:mm");
        }
        JsonNode action = e.get("action");
        if (type.equals("TransformationEvent")) {
            if (action != null) {
                throw new Invalid(at + "a TransformationEvent has no action");
            }
        } else if (action == null || !ACTIONS.contains(action.asText()) || !action.isTextual()) {
            throw new Invalid(at + "action must be ADD, OBSERVE or DELETE");
        }
        if (e.has("eventID") && !e.get("eventID").isTextual()) {
            throw new Invalid(at + "eventID must be a string");
        }
        for (String name : new String[] {"bizStep", "disposition", "parentID", "transformationID"}) {
            if (e.has(name) && !e.get(name).isTextual()) {
                throw new Invalid(at + name + " must be a string");
            }
        }
        for (String name : new String[] {"readPoint", "bizLocation"}) {
            if (e.has(name) && !e.get(name).path("id").isTextual()) {
                throw new Invalid(at + name + ".id must be a string");
            }
        }
        Map<String, List<String>> epcs = new LinkedHashMap<>();
        for (String name : EPC_LISTS) {
            JsonNode l = e.get(name);
            if (l == null) {
                continue;
            }
            if (!l.isArray()) {
                throw new Invalid(at + name + " must be an array of EPC URIs");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : l) {
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw new Invalid(at + name + " must be an array of EPC URIs");
                }
                values.add(v.asText());
            }
            epcs.put(name, values);
        }
        for (String name : QUANTITY_LISTS) {
            JsonNode l = e.get(name);
            if (l == null) {
                continue;
            }
            if (!l.isArray()) {
                throw new Invalid(at + name + " must be an array of quantity elements");
            }
            List<String> classes = new ArrayList<>();
            for (JsonNode q : l) {
                if (!q.path("epcClass").isTextual() || (q.has("quantity") && !q.get("quantity").isNumber())) {
                    throw new Invalid(at + name + " elements need an epcClass and a numeric quantity");
                }
                classes.add(q.get("epcClass").asText());
            }
            epcs.put(name, classes);
        }
        if (e.has("parentID")) {
            epcs.put("parentID", List.of(e.get("parentID").asText()));
        }
        if (e.has("recordTime")) {
            throw new Invalid(at + "recordTime is set by the repository, not the client");
        }
        JsonNode sig = e.get(EpcisEvent.SIGNATURE);
        if (sig != null && !sig.isTextual()) {
            throw new Invalid(at + EpcisEvent.SIGNATURE + " must be a compact JWS string");
        }
        return new EpcisEvent(i, type, action == null ? null : action.asText(), text(e, "bizStep"), eventTime,
            epcs, e, raw);
    }

    private static String text(ObjectNode e, String name) {
        return e.hasNonNull(name) ? e.get(name).asText() : null;
    }

    /** RFC 3339 date-time: seconds required, a fraction optional, Z or an offset. */
    private static final java.util.regex.Pattern RFC3339 = java.util.regex.Pattern.compile(
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");

    static OffsetDateTime time(JsonNode node, String name) {
        if (node == null || !node.isTextual() || !RFC3339.matcher(node.asText()).matches()) {
            throw new Invalid(name + " must be an RFC 3339 date-time with an offset");
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException ex) {
            throw new Invalid(name + " must be an RFC 3339 date-time with an offset");
        }
    }

    /** Prefix → namespace of the context's term definitions that are plain IRIs (for user extensions in hashes). */
    static Map<String, String> namespaces(JsonNode context) {
        if (context == null) {
            throw new Invalid("@context is required");
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> items = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(items::add);
        } else {
            items.add(context);
        }
        for (JsonNode c : items) {
            if (c.isObject()) {
                c.fields().forEachRemaining(f -> {
                    if (f.getValue().isTextual()) {
                        out.put(f.getKey(), f.getValue().asText());
                    }
                });
            } else if (!c.isTextual()) {
                throw new Invalid("@context entries must be IRIs or objects");
            }
        }
        return out;
    }

    /** The exact source text of each element of epcisBody.eventList, in order. */
    static List<String> rawEvents(String text) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            p.nextToken();
            if (!find(p, "epcisBody") || p.nextToken() != JsonToken.START_OBJECT || !find(p, "eventList")) {
                throw new Invalid("epcisBody.eventList is missing");
            }
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int end = (int) p.currentLocation().getCharOffset();
                out.add(text.substring(start, end));
            }
        } catch (IOException e) {
            throw new Invalid("the body is not JSON: " + e.getMessage());
        }
        return out;
    }

    /** Advances within the current object to the value of field {@code name}; skips other members' values. */
    private static boolean find(JsonParser p, String name) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.currentName().equals(name)) {
                return true;
            }
            p.nextToken();
            p.skipChildren();
        }
        return false;
    }
}
