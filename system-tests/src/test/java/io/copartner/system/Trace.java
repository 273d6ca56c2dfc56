package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The traceability contract from a client's side: signed EPCIS events, documents, capture and the trace. */
final class Trace {

    static final String CONTEXT = "[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
        + "{\"copartner\":\"https://copartner.io/epcis/\"}]";

    private Trace() {
    }

    /** A signer: a wallet and the kid it signs with (a did:key's own, or a merchant's did:web key). */
    record Signer(DidWallet wallet, String kid) {
        static Signer of(DidWallet w) {
            return new Signer(w, w.kid());
        }
    }

    /** A verified merchant with an Ed25519 key registered in its did:web document, and the kid of that key. */
    record KeyedMerchant(Shop.Merchant merchant, Signer signer) {
    }

    static KeyedMerchant keyedMerchant() {
        Shop.Merchant m = Shop.merchant(true);
        DidWallet w = DidWallet.create(DidWallet.Type.ED25519);
        String multibase = w.did.substring("did:key:".length());
        given().auth().oauth2(m.token()).contentType("application/json")
            .body(Map.of("publicKeyMultibase", multibase)).when().post("/api/v1/merchants/me/keys")
            .then().statusCode(200);
        JsonNode doc = Jcs.parse(given().when().get("/merchants/" + m.id() + "/did.json").then().statusCode(200)
            .extract().asString());
        String kid = null;
        for (JsonNode vm : doc.path("verificationMethod")) {
            if (multibase.equals(vm.path("publicKeyMultibase").asText())) {
                kid = vm.path("id").asText();
            }
        }
        assertNotNull(kid, "the registered key is in the merchant's DID document");
        if (kid.startsWith("#")) {
            kid = m.did() + kid;
        }
        return new KeyedMerchant(m, new Signer(w, kid));
    }

    static String product(Shop.Merchant m, String gtin) {
        return Shop.create(m.token(), Shop.product(gtin, "Traced tea " + gtin, "tea", 6800), "it-" + UUID.randomUUID())
            .then().statusCode(201).extract().path("id");
    }

    static String item(String gtin, String serial) {
        return "https://id.gs1.org/01/" + gtin + "/21/" + serial;
    }

    static String time(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(t.atOffset(ZoneOffset.ofHours(8)));
    }

    static ObjectNode objectEvent(Instant at, String action, String bizStep, List<String> epcs) {
        ObjectNode e = Jcs.JSON.createObjectNode();
        e.put("type", "ObjectEvent");
        e.put("eventTime", time(at));
        e.put("eventTimeZoneOffset", "+08:00");
        var list = e.putArray("epcList");
        epcs.forEach(list::add);
        e.put("action", action);
        e.put("bizStep", bizStep);
        e.put("disposition", "active");
        e.putObject("readPoint").put("id", "https://id.gs1.org/414/4012345000009");
        return e;
    }

    static ObjectNode aggregation(Instant at, String action, String parent, List<String> children) {
        ObjectNode e = Jcs.JSON.createObjectNode();
        e.put("type", "AggregationEvent");
        e.put("eventTime", time(at));
        e.put("eventTimeZoneOffset", "+08:00");
        e.put("parentID", parent);
        var list = e.putArray("childEPCs");
        children.forEach(list::add);
        e.put("action", action);
        e.put("bizStep", "packing");
        return e;
    }

    /** Signs the event: copartner:signature over RFC 8785 of the event without signature, eventID, recordTime. */
    static ObjectNode sign(ObjectNode event, Signer s) {
        ObjectNode content = event.deepCopy();
        content.remove("copartner:signature");
        content.remove("eventID");
        content.remove("recordTime");
        event.put("copartner:signature", s.wallet().signDetached(s.kid(),
            Jcs.canonical(content).getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    /** Pretty-printed event texts: what the document carries and the platform must store unchanged. */
    static String text(ObjectNode event) {
        try {
            return Jcs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String document(List<String> eventTexts) {
        return "{\n  \"@context\": " + CONTEXT + ",\n  \"type\": \"EPCISDocument\",\n  \"schemaVersion\": \"2.0\",\n"
            + "  \"creationDate\": \"" + Instant.now() + "\",\n  \"epcisBody\": {\n    \"eventList\": [\n"
            + String.join(",\n", eventTexts) + "\n    ]\n  }\n}";
    }

    static Response post(String token, String body) {
        return given().auth().oauth2(token).contentType("application/ld+json").body(body).when()
            .post("/api/v1/epcis/capture");
    }

    /** Captures and returns the job (the caller's GET of Location). */
    static JsonPath capture(String token, List<String> eventTexts) {
        Response r = post(token, document(eventTexts));
        r.then().statusCode(202);
        String location = r.header("Location");
        assertNotNull(location);
        if (!location.startsWith("/api/v1/epcis/capture/")) {
            throw new AssertionError("Location is " + location);
        }
        return given().auth().oauth2(token).when().get(location).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath trace(String path) {
        return given().accept("application/json").when().get("/trace" + path).then().statusCode(200)
            .contentType("application/json").extract().jsonPath();
    }

    static List<String> errorTypes(JsonPath job) {
        return new ArrayList<>(job.getList("errors.type"));
    }
}
