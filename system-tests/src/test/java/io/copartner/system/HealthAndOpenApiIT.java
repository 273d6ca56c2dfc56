package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PlatformExtension.class)
class HealthAndOpenApiIT {

    @Test
    void healthIsUpWithDatabaseKeycloakAndChain() {
        given().when().get("/health")
            .then().statusCode(200)
            .body("status", equalTo("UP"))
            .body("checks.name", hasItems("database", "keycloak", "chain"))
            .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
            .body("checks.find { it.name == 'database' }.data.product", containsString("PostgreSQL 17"))
            .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"))
            .body("checks.find { it.name == 'chain' }.status", equalTo("UP"))
            .body("checks.find { it.name == 'chain' }.data.contract", notNullValue());
    }

    @Test
    void openApiDocumentsTheApiWithBearerSecurity() {
        given().accept("application/json").when().get("/openapi")
            .then().statusCode(200)
            .body("openapi", containsString("3.1"))
            .body("info.title", equalTo("Copartner API"))
            .body("info.license.name", equalTo("Apache-2.0"))
            .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"))
            .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    /** The rate limits and outages can answer any operation: each documents 429 and 503 with Retry-After. */
    @Test
    void everyOperationDocumentsTooManyRequestsAndUnavailableWithRetryAfter() {
        Map<String, Map<String, Map<String, Object>>> paths = given()
            .accept("application/json").when().get("/openapi").then().statusCode(200).extract().path("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                @SuppressWarnings("unchecked")
                var responses = (Map<String, Map<String, Object>>) op.getValue().get("responses");
                for (String code : List.of("429", "503")) {
                    var response = responses.get(code);
                    assertNotNull(response, op.getKey() + " " + path.getKey() + " " + code);
                    @SuppressWarnings("unchecked")
                    var headers = (Map<String, Object>) response.get("headers");
                    assertTrue(headers != null && headers.containsKey("Retry-After"),
                        op.getKey() + " " + path.getKey() + " " + code + " has Retry-After");
                }
            }
        }
        assertTrue(operations > 50, "operations seen: " + operations);
    }

    @Test
    void openApiUiIsServed() {
        given().when().get("/openapi/ui/").then().statusCode(200).body(containsString("<html"));
    }
}
