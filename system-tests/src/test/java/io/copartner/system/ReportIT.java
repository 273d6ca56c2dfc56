package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import io.copartner.system.Gov.Partner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public transparency report (issue 12 item 6): every figure recomputed from the audit entries it cites (read
 * from the public audit API), the JWS verified with the platform's did:web key from its DID document.
 */
@ExtendWith(PlatformExtension.class)
class ReportIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void everyFigureIsRecomputedFromItsAuditEntriesAndTheReportIsSigned() throws Exception {
        Shop.Merchant m = Shop.merchant(true);
        String product = Buy.product(m, 10, 8_000);
        Partner buyer = Buy.fundedPartner(8_000);
        RecommendationsIT.grant(buyer); // so the recommendations' data-use count has at least one proof
        SettlementIT.buyAndComplete(m, buyer, product);
        String periodId = Await.until(Duration.ofSeconds(30), () -> SettlementIT.statementOnce(buyer))
            .getString("periodId");

        List<Map<String, Object>> items = given().get("/api/v1/reports").then().statusCode(200).extract().jsonPath()
            .getList("items");
        assertTrue(items.stream().anyMatch(i -> periodId.equals(i.get("periodId"))), items.toString());

        io.restassured.response.Response served = Await.until(Duration.ofSeconds(180), () -> {
            var r = given().accept("application/json").get("/api/v1/reports/" + periodId);
            return r.statusCode() == 200 ? r : null;
        });
        String text = served.asString();
        ObjectNode report = (ObjectNode) JSON.readTree(text);
        // Served as its canonical bytes (what the signature covers), with a validator a client can revalidate with.
        assertEquals(Jcs.canonical(report), text);
        String etag = served.getHeader("ETag");
        assertNotNull(etag, "a signed report carries an ETag");
        given().accept("application/json").header("If-None-Match", etag).get("/api/v1/reports/" + periodId).then()
            .statusCode(304);
        assertEquals(text, given().accept("application/json").header("If-None-Match", "\"other\"")
            .get("/api/v1/reports/" + periodId).then().statusCode(200).header("ETag", etag).extract().asString());
        JsonNode cny = report.get("byAsset").get("CNY");
        assertEquals(Long.parseLong(cny.get("partnerPool").asText()),
            Long.parseLong(cny.get("distributed").asText()) + Long.parseLong(cny.get("undistributed").asText()));

        for (JsonNode proof : report.get("proofs")) {
            String figure = proof.get("figure").asText();
            String value = report.at(figure).asText();
            long revenue = 0, fee = 0, pool = 0, carried = 0, amount = 0, count = 0;
            String undistributed = null;
            java.util.Set<String> consenting = new java.util.HashSet<>();
            for (JsonNode i : proof.get("auditIndexes")) {
                JsonNode e = GovernanceAudit.entry(i.asLong());
                JsonNode p = e.get("payload");
                switch (e.get("type").asText()) {
                    case "economy.settlement.revenue" -> {
                        revenue += p.get("revenue").asLong();
                        fee += p.get("platformFee").asLong();
                        pool += p.get("partnerPool").asLong();
                        count++;
                    }
                    case "economy.settlement.allocated" -> {
                        carried += p.get("carriedIn").asLong();
                        undistributed = p.get("undistributed").asText();
                    }
                    case "economy.payout" -> {
                        amount += p.get("amount").asLong();
                        count++;
                    }
                    case "economy.consent" -> {
                        if (p.get("granted").asBoolean()) {
                            consenting.add(p.get("party").asText());
                        }
                    }
                    default -> { }
                }
            }
            if (figure.endsWith("/revenue")) {
                assertEquals(Long.toString(revenue), value, figure);
            } else if (figure.endsWith("/platformFee")) {
                assertEquals(Long.toString(fee), value, figure);
            } else if (figure.endsWith("/partnerPool")) {
                assertEquals(Long.toString(pool + carried), value, figure);
            } else if (figure.endsWith("/distributed")) {
                assertEquals(Long.toString(amount), value, figure);
            } else if (figure.endsWith("/undistributed")) {
                assertEquals(undistributed, value, figure);
            } else if (figure.equals("/payouts/count") || figure.equals("/dataUse/0/count")) {
                assertEquals(Long.toString(count), value, figure);
            } else if (figure.equals("/dataUse/3/count")) {
                assertEquals(Integer.toString(consenting.size()), value, "partners whose history recommendations used");
                assertTrue(consenting.size() >= 1, "the buyer consented in this period");
            } else if (figure.startsWith("/payouts/") && !figure.endsWith("gini")) {
                assertTrue(proof.get("auditIndexes").size() > 0 || "0".equals(value), figure);
            } else if (proof.get("auditIndexes").isEmpty()) {
                assertTrue(value.equals("0") || value.equals("0.000000"), figure + " without proof is " + value);
            }
        }
        assertNotNull(report.get("auditIndex"));
        JsonNode own = GovernanceAudit.entry(report.get("auditIndex").asLong());
        assertEquals("economy.report", own.get("type").asText());

        // The JWS: detached (RFC 7515 App. F) over RFC 8785 of the report without signature, kid a key of the
        // platform's DID document: the verifier rebuilds the payload from the report it received.
        String signature = report.remove("signature").asText();
        String[] parts = signature.split("\\.", -1);
        assertEquals(3, parts.length, signature);
        assertEquals("", parts[1], "the payload is detached");
        JWSObject jws = JWSObject.parse(signature, new com.nimbusds.jose.Payload(Jcs.canonical(report)
            .getBytes(StandardCharsets.UTF_8)));
        assertEquals("EdDSA", jws.getHeader().getAlgorithm().getName());
        String kid = jws.getHeader().getKeyID();
        List<Map<String, Object>> methods = given().get("/.well-known/did.json").then().statusCode(200).extract()
            .jsonPath().getList("verificationMethod");
        Map<String, Object> method = methods.stream().filter(v -> kid.equals(v.get("id"))).findFirst().orElseThrow();
        Map<String, String> jwk = (Map<String, String>) method.get("publicKeyJwk");
        assertEquals("Ed25519", jwk.get("crv"));
        assertTrue(AuditLogIT.ed25519(java.util.Base64.getUrlDecoder().decode(jwk.get("x")), jws.getSigningInput(),
            java.util.Base64.getUrlDecoder().decode(parts[2])), "the report's JWS verifies with the platform's did:web key");

        String html = given().accept("text/html").header("Accept-Language", "zh-CN").get("/api/v1/reports/"
            + periodId).then().statusCode(200).extract().asString();
        assertTrue(html.contains("透明度报告"), html);
    }
}
