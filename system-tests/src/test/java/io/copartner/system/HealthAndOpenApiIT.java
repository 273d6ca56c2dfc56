package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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

    @Test
    void openApiUiIsServed() {
        given().when().get("/openapi/ui/").then().statusCode(200).body(containsString("<html"));
    }
}
