package io.copartner.commerce.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event of a captured document: its position, the fields the rules read, the parsed tree (for the hash and
 * the signature payload) and its exact source text (what is stored).
 */
public record EpcisEvent(int index, String type, String action, String bizStep, OffsetDateTime eventTime,
                         Map<String, List<String>> epcsByField, ObjectNode tree, String raw) {

    public static final String SIGNATURE = "copartner:signature";

    public Optional<String> signature() {
        return tree.hasNonNull(SIGNATURE) ? Optional.of(tree.get(SIGNATURE).asText()) : Optional.empty();
    }

    public Optional<String> clientEventId() {
        return tree.hasNonNull("eventID") ? Optional.of(tree.get("eventID").asText()) : Optional.empty();
    }

    /** The CBV bizStep's short name ({@code commissioning}) whatever the spelling (bare, URN, GS1 Web URI, CURIE). */
    public String bizStepName() {
        if (bizStep == null) {
            return null;
        }
        String s = bizStep;
        for (String prefix : new String[] {"https://ref.gs1.org/cbv/BizStep-", "cbv:BizStep-",
            "urn:epcglobal:cbv:bizstep:", "gs1:BizStep-"}) {
            if (s.startsWith(prefix)) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }

    public boolean commissioning() {
        return "ObjectEvent".equals(type) && "ADD".equals(action) && "commissioning".equals(bizStepName());
    }

    public boolean decommissioning() {
        return "decommissioning".equals(bizStepName());
    }

    /** Every EPC string the event names, by field ({@code epcList}, {@code childEPCs}, {@code parentID}, ...). */
    public List<String> allEpcs() {
        List<String> out = new ArrayList<>();
        epcsByField.values().forEach(out::addAll);
        return out;
    }

    public List<String> field(String name) {
        return epcsByField.getOrDefault(name, List.of());
    }

    /** The event without its signature: what the event hash ID is computed over. */
    public ObjectNode unsigned() {
        ObjectNode copy = tree.deepCopy();
        copy.remove(SIGNATURE);
        return copy;
    }

    /** The signed object: the event without {@code copartner:signature}, {@code eventID} and {@code recordTime}. */
    public ObjectNode signedContent() {
        ObjectNode copy = unsigned();
        copy.remove("eventID");
        copy.remove("recordTime");
        return copy;
    }

    /** The stored text: the source with {@code eventID} (unless it was sent) and {@code recordTime} added first. */
    public String stored(String eventId, String recordTime) {
        int brace = raw.indexOf('{');
        String added = (clientEventId().isPresent() ? "" : "\"eventID\":\"" + eventId + "\",")
            + "\"recordTime\":\"" + recordTime + "\",";
        return raw.substring(0, brace + 1) + added + raw.substring(brace + 1);
    }
}
