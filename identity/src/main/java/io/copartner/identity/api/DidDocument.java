package io.copartner.identity.api;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Collections;
import java.util.Map;

/** A resolved W3C DID Core document: its {@code id} and its JSON members, in document order. */
public record DidDocument(String id, Map<String, Object> content) {

    public static final String MEDIA_TYPE = "application/did+json";

    public DidDocument {
        content = Collections.unmodifiableMap(content);
    }

    public String json() {
        return JSONObjectUtils.toJSONString(content);
    }
}
