package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error is RFC 9457 problem+json with a stable type; good input gets the exact computation. */
@ExtendWith(PlatformExtension.class)
class ProblemDetailsIT {

    static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        given().contentType("application/json").body("{\"asset\": \"CNY\", \"amount\": 100, \"weights\": [1,")
            .when().post("/api/v1/tools/splits")
            .then().statusCode(400)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/malformed-request"));
    }

    @Test
    void invalidFieldsAre400WithTheFieldErrors() {
        given().contentType("application/json").body("{\"asset\": \"\", \"amount\": -5, \"weights\": []}")
            .when().post("/api/v1/tools/splits")
            .then().statusCode(400)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"))
            .body("errors.field", hasItem("amount"))
            .body("errors.field", hasItem("asset"))
            .body("errors.field", hasItem("weights"));
    }

    @Test
    void anUnknownAssetIs400() {
        given().contentType("application/json").body("{\"asset\": \"XYZ1\", \"amount\": 5, \"weights\": [1]}")
            .when().post("/api/v1/tools/splits")
            .then().statusCode(400)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"));
    }

    @Test
    void splitsAreExactLargestRemainder() {
        given().contentType("application/json").body("{\"asset\": \"CNY\", \"amount\": 100, \"weights\": [1, 1, 1]}")
            .when().post("/api/v1/tools/splits")
            .then().statusCode(200)
            .body("parts", contains(34, 33, 33));
    }

    @Test
    void canonicalJsonFollowsRfc8785() {
        given().contentType("application/json").body("{\"b\": 2, \"a\": [1.50, true, 1e21]}")
            .when().post("/api/v1/tools/canonical-json")
            .then().statusCode(200)
            .body("canonical", equalTo("{\"a\":[1.5,true,1e+21],\"b\":2}"));
    }

    @Test
    void unknownApiPathIs404ProblemJson() {
        given().when().get("/api/v1/no-such-thing")
            .then().statusCode(404)
            .contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/not-found"));
    }

    @Test
    void unknownPathOutsideTheApiIs404ProblemJson() {
        given().when().get("/no-such-page")
            .then().statusCode(404)
            .contentType(startsWith(PROBLEM))
            .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIs405ProblemJson() {
        given().when().delete("/api/v1/tools/splits")
            .then().statusCode(405)
            .contentType(startsWith(PROBLEM));
    }
}
