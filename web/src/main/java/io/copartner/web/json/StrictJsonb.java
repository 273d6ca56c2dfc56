package io.copartner.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The JSON-B instance JAX-RS uses for every body: default mapping, except integers are read strictly. */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    static JsonbConfig config() {
        return new JsonbConfig()
            .withDeserializers(new StrictIntegers.LongDeserializer(), new StrictIntegers.IntegerDeserializer());
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
