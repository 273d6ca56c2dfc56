package io.copartner.commerce.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openepcis.constants.CBVVersion;
import io.openepcis.epc.eventhash.EventHashGenerator;
import java.util.Map;

/**
 * GS1 CBV 2.0 event hash IDs ({@code ni:///sha-256;<hex>?ver=CBV2.0}) by OpenEPCIS' event hash generator (the
 * implementation GS1's reference examples are checked against). Computed over the event without
 * {@code copartner:signature}, so re-signing an event keeps its ID.
 */
public final class EventHashIds {

    private EventHashIds() {
    }

    /** {@code namespaces}: the document context's prefixes, so user extensions hash under their full IRIs. */
    public static String of(EpcisEvent event, Map<String, String> namespaces) {
        return of(event.unsigned(), namespaces);
    }

    public static String of(ObjectNode event, Map<String, String> namespaces) {
        try {
            // A generator per call: it keeps per-document state.
            return new EventHashGenerator(CBVVersion.VERSION_2_0_0).fromObjectNode(event, namespaces, "sha-256");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the event hash cannot be computed: " + e.getMessage(), e);
        }
    }
}
