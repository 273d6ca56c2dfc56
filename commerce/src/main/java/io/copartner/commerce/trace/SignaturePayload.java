package io.copartner.commerce.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.copartner.kernel.json.CanonicalJson;

/** The bytes an event's {@code copartner:signature} signs: RFC 8785 canonical JSON of the signed content. */
public final class SignaturePayload {

    private SignaturePayload() {
    }

    public static byte[] of(EpcisEvent event) {
        try {
            return CanonicalJson.canonicalBytes(EpcisDocument.JSON.writeValueAsString(event.signedContent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
