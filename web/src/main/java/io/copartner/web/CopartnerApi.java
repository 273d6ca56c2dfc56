package io.copartner.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The public REST API, version 1. Tokens are Keycloak-issued JWTs validated by mpJwt. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "copartner")
@OpenAPIDefinition(
    info = @Info(
        title = "Copartner API",
        version = "1.0",
        description = "Consumer-partnership platform: partners vote, buy, review and earn a governed share of revenue; "
            + "every value movement is provable from this API and the chain.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
        contact = @Contact(name = "Copartner", url = "https://copartner.io")),
    servers = @Server(url = "/", description = "this platform"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token from the platform's Keycloak realm `copartner`.")
public class CopartnerApi extends Application {
}
