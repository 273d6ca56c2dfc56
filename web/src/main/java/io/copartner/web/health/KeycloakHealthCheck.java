package io.copartner.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the realm that issues our tokens publishes its OpenID configuration. */
@Readiness
@ApplicationScoped
public class KeycloakHealthCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    @ConfigProperty(name = "copartner.jwt.issuer")
    String issuer;

    @Override
    public HealthCheckResponse call() {
        String url = issuer + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named("keycloak").status(resp.statusCode() == 200)
                .withData("issuer", issuer).withData("status", resp.statusCode()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("keycloak").down().withData("issuer", issuer)
                .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
