package io.copartner.web.app;

import io.copartner.web.rest.AnchorContractResource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /app-config.json}: what the web app needs to know at start (where Keycloak and the chain are, which
 * public client it is), so one build of the app runs behind any host and port. Nothing secret.
 */
@WebServlet("/app-config.json")
public class AppConfigServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "copartner.keycloak.url", defaultValue = "http://127.0.0.1:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "copartner.keycloak.realm", defaultValue = "copartner")
    String realm;

    @Inject
    @ConfigProperty(name = "copartner.web.client-id", defaultValue = "copartner-web")
    String clientId;

    @Inject
    @ConfigProperty(name = "copartner.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "copartner.chain.rpc.url", defaultValue = "http://127.0.0.1:8545")
    String chainRpcUrl;

    @Inject
    @ConfigProperty(name = "copartner.chain.public-rpc.url")
    Optional<String> publicRpcUrl;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder()
            .add("keycloakUrl", keycloakUrl)
            .add("realm", realm)
            .add("clientId", clientId)
            .add("publicUrl", publicUrl)
            // Never the platform's own RPC URL as is: it may carry a provider's API key.
            .add("chainRpcUrl", Objects.requireNonNullElse(
                AnchorContractResource.publicRpcUrl(publicRpcUrl, chainRpcUrl), ""));
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-cache");
        resp.getWriter().write(body.build().toString());
    }
}
