package io.copartner.identity.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * JSON for the Keycloak admin client's JAX-RS client only: the Keycloak representations carry Jackson annotations
 * ({@code @JsonProperty("access_token")} and the like), which JSON-B, the server's default, ignores. Configured as
 * keycloak-admin-client's own provider is (non-null properties only, unknown properties ignored).
 *
 * <p>Deliberately not annotated {@code @Provider}: it sits in WEB-INF/lib, and the server must not pick it up for
 * the platform's own API, which stays on JSON-B.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public final class KeycloakJson implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    static final ObjectMapper MAPPER = new ObjectMapper()
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        // JAX-RS owns the entity streams.
        .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
        .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && !InputStream.class.isAssignableFrom(type) && type != String.class;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        JavaType javaType = MAPPER.getTypeFactory().constructType(genericType == null ? type : genericType);
        return MAPPER.readValue(entityStream, javaType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && type != String.class && !byte[].class.equals(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
        throws IOException, WebApplicationException {
        MAPPER.writerFor(MAPPER.getTypeFactory().constructType(genericType == null ? type : genericType))
            .writeValue(entityStream, value);
    }

    static boolean json(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String sub = mediaType.getSubtype();
        return "application".equals(mediaType.getType()) && ("json".equals(sub) || sub.endsWith("+json"));
    }
}
