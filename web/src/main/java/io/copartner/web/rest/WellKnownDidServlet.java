package io.copartner.web.rest;

import io.copartner.ledger.api.AuditLog;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's did:web document (W3C DID Core): {@code did:web:<host>} resolves here, and it publishes the
 * Ed25519 key that signs audit checkpoints, so a verifier needs nothing but this URL and the chain.
 */
@WebServlet("/.well-known/did.json")
public class WellKnownDidServlet extends HttpServlet {

    @Inject
    AuditLog log;

    @Inject
    @ConfigProperty(name = "copartner.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    /** did:web method: the host, with a port's colon percent-encoded. */
    static String didWeb(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return "did:web:" + URLEncoder.encode(host, StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String did = didWeb(publicUrl);
        AuditLog.CheckpointKey key = log.checkpointKey();
        String vm = did + "#checkpoint";
        var doc = Json.createObjectBuilder()
            .add("@context", Json.createArrayBuilder()
                .add("https://www.w3.org/ns/did/v1")
                .add("https://w3id.org/security/suites/jws-2020/v1"))
            .add("id", did)
            .add("verificationMethod", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", vm)
                .add("type", "JsonWebKey2020")
                .add("controller", did)
                .add("publicKeyJwk", Json.createObjectBuilder()
                    .add("kty", "OKP")
                    .add("crv", "Ed25519")
                    .add("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey())))))
            .add("assertionMethod", Json.createArrayBuilder().add(vm))
            .add("service", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", did + "#audit-log")
                .add("type", "TransparencyLog")
                .add("serviceEndpoint", publicUrl + "/api/v1/audit/checkpoint")
                .add("origin", key.name())
                .add("verifierKey", key.verifierKey())))
            .build();
        resp.setContentType("application/did+json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(doc.toString());
    }
}
