package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DID resolution through the public API: did:key from the spec, the platform's did:web and merchants' did:web. */
@ExtendWith(PlatformExtension.class)
class DidResolutionIT {

    static final String PROBLEM = "application/problem+json";
    static final String ED_DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    static String platformDid() {
        return "did:web:127.0.0.1%3A" + PlatformExtension.settings().httpPort();
    }

    @Test
    void aDidKeyResolvesToTheSpecsDocument() {
        String vm = ED_DID + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        given().when().get("/api/v1/dids/{did}", ED_DID)
            .then().statusCode(200)
            .contentType(startsWith("application/did+json"))
            .body("id", equalTo(ED_DID))
            .body("verificationMethod[0].id", equalTo(vm))
            .body("verificationMethod[0].type", equalTo("Multikey"))
            .body("verificationMethod[0].publicKeyMultibase", equalTo("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"))
            .body("assertionMethod", equalTo(List.of(vm)))
            .body("keyAgreement[0]", equalTo(ED_DID + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW"));
    }

    @Test
    void aDidKeyResolvesAsJsonWebKey2020OnRequest() {
        given().queryParam("publicKeyFormat", "JsonWebKey2020").when().get("/api/v1/dids/{did}", ED_DID)
            .then().statusCode(200)
            .body("verificationMethod[0].type", equalTo("JsonWebKey2020"))
            .body("verificationMethod[0].publicKeyJwk.kty", equalTo("OKP"))
            .body("verificationMethod[0].publicKeyJwk.x", equalTo("O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"));
    }

    @Test
    void aSecp256k1DidKeyResolves() {
        String did = "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        given().when().get("/api/v1/dids/{did}", did)
            .then().statusCode(200)
            .body("id", equalTo(did))
            .body("verificationMethod[0].publicKeyMultibase", equalTo("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"));
    }

    @Test
    void thePlatformDidWebResolvesToItsWellKnownDocument() {
        String did = platformDid();
        JsonPath resolved = given().when().get("/api/v1/dids/{did}", did)
            .then().statusCode(200).contentType(startsWith("application/did+json"))
            .body("id", equalTo(did))
            .body("assertionMethod", hasItem(did + "#checkpoint"))
            .body("assertionMethod", hasItem(startsWith(did + "#issuer-")))
            .extract().jsonPath();
        JsonPath wellKnown = given().when().get("/.well-known/did.json").then().statusCode(200).extract().jsonPath();
        assertEquals(wellKnown.getString("id"), resolved.getString("id"));
        assertEquals(wellKnown.getList("verificationMethod.id"), resolved.getList("verificationMethod.id"));
        assertEquals(did + "#checkpoint", wellKnown.getString("verificationMethod[0].id"));
        Map<String, Object> issuer = wellKnown.getMap("verificationMethod.find { it.id.startsWith('" + did + "#issuer-') }");
        // VC-JOSE-COSE §4.3: a key that signs vc+jwt is a JsonWebKey with only the public members of its JWK.
        assertEquals("JsonWebKey", issuer.get("type"));
        assertEquals(did, issuer.get("controller"));
        Map<?, ?> jwk = (Map<?, ?>) issuer.get("publicKeyJwk");
        assertEquals(java.util.Set.of("kty", "crv", "x"), jwk.keySet(), "no private parts");
        assertEquals("OKP", jwk.get("kty"));
        assertEquals("Ed25519", jwk.get("crv"));
        assertEquals(32, java.util.Base64.getUrlDecoder().decode((String) jwk.get("x")).length);
        assertEquals(null, issuer.get("publicKeyMultibase"));
        assertEquals(true, wellKnown.getList("@context").contains("https://w3id.org/security/jwk/v1"));
        assertEquals("JsonWebKey", wellKnown.getString("verificationMethod[0].type"), "the checkpoint key too");
        // the kid of what the platform signs is that JsonWebKey method, and it may assert
        String jwt = CredentialsIT.issueMerchantVerification(Tokens.password("admin", "admin"), "m-jwk-" + System.nanoTime(),
            null).getString("jwt");
        String kid = (String) CredentialsIT.json(CredentialsIT.part(jwt, 0)).get("kid");
        JsonPath now = given().get("/.well-known/did.json").then().statusCode(200).extract().jsonPath();
        assertEquals("JsonWebKey", now.getString("verificationMethod.find { it.id == '" + kid + "' }.type"));
        assertEquals(true, now.getList("assertionMethod").contains(kid), kid);
    }

    @Test
    void aMerchantWithoutAKeyHasADidDocumentWithoutVerificationMethods() {
        String admin = Tokens.password("admin", "admin");
        String username = "keyless-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = MerchantAdminIT.create(admin, username, "pw-" + java.util.UUID.randomUUID(), null)
            .then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String did = created.getString("did");
        assertEquals(platformDid() + ":merchants:" + id, did);
        JsonPath doc = given().when().get("/merchants/{id}/did.json", id)
            .then().statusCode(200).contentType(startsWith("application/did+json"))
            .body("id", equalTo(did))
            .body("controller", equalTo(platformDid()))
            .body("verificationMethod", nullValue())
            .body("assertionMethod", nullValue())
            .extract().jsonPath();
        assertEquals(List.of("https://www.w3.org/ns/did/v1"), doc.getList("@context"));
        given().when().get("/api/v1/dids/{did}", did).then().statusCode(200).body("id", equalTo(did));
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:key:abcd", "not-a-did", "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
        "did:example:123456", "did:web:Example.COM", "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBmf"})
    void malformedDidsAre400(String did) {
        given().when().get("/api/v1/dids/{did}", did)
            .then().statusCode(400)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/malformed-request"));
    }

    @Test
    void unknownDidsAre404() {
        given().when().get("/api/v1/dids/{did}", platformDid() + ":merchants:nobody")
            .then().statusCode(404).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/not-found"));
        given().when().get("/api/v1/dids/{did}", platformDid() + ":somewhere:else")
            .then().statusCode(404).contentType(startsWith(PROBLEM));
        // a did:web whose host is the loopback interface is never fetched (no request leaves the machine)
        given().when().get("/api/v1/dids/{did}", "did:web:localhost")
            .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().when().get("/merchants/nobody/did.json").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void aMerchantDidWebIsServedAndKeepsItsRotatedKey() {
        String admin = Tokens.password("admin", "admin");
        String merchant = "m-" + System.nanoTime();
        String did = platformDid() + ":merchants:" + merchant;
        String first = "z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
        String second = "zQ3shtxV1FrJfhqE1dvxYRcCknWNjHc3c5X1y3ZSoPDi2aur2";
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("publicKeyMultibase", first))
            .when().post("/api/v1/admin/dids/merchants/{id}/keys", merchant)
            .then().statusCode(200)
            .body("did", equalTo(did))
            .body("activeKeyId", equalTo(did + "#key-1"));
        given().when().get("/merchants/{id}/did.json", merchant)
            .then().statusCode(200).contentType(startsWith("application/did+json"))
            .body("id", equalTo(did))
            .body("verificationMethod[0].publicKeyMultibase", equalTo(first))
            .body("assertionMethod", equalTo(List.of(did + "#key-1")));

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("publicKeyMultibase", second))
            .when().post("/api/v1/admin/dids/merchants/{id}/keys", merchant)
            .then().statusCode(200)
            .body("activeKeyId", equalTo(did + "#key-2"))
            .body("retiredKeyIds", equalTo(List.of(did + "#key-1")));
        given().when().get("/api/v1/dids/{did}", did)
            .then().statusCode(200)
            .body("verificationMethod.id", equalTo(List.of(did + "#key-1", did + "#key-2")))
            .body("verificationMethod[0].expires", notNullValue())
            .body("verificationMethod[1].expires", nullValue())
            .body("assertionMethod", equalTo(List.of(did + "#key-2")))
            .body("authentication", not(hasItem(did + "#key-1")));

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("publicKeyMultibase", first))
            .when().post("/api/v1/admin/dids/merchants/{id}/keys", merchant)
            .then().statusCode(409).contentType(startsWith(PROBLEM));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("publicKeyMultibase", "zNotAKey"))
            .when().post("/api/v1/admin/dids/merchants/{id}/keys", merchant)
            .then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    @Test
    void onlyAdminsManageDidKeys() {
        given().auth().oauth2(Tokens.password("merchant", "merchant")).contentType("application/json")
            .body(Map.of("publicKeyMultibase", "z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG"))
            .when().post("/api/v1/admin/dids/merchants/m-x/keys")
            .then().statusCode(403).contentType(startsWith(PROBLEM));
        given().when().post("/api/v1/admin/dids/platform/issuer-key")
            .then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
