package io.copartner.web.rest;

import io.copartner.identity.api.Credentials;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The platform's JSON-LD context for its credentials (VC Data Model 2.0 §5.2): a static, {@code @protected}
 * document defining {@code MerchantVerification}, {@code PartnerMembership} and their subject terms. Every vc+jwt
 * the platform issues names this URL after {@code https://www.w3.org/ns/credentials/v2}. Static, so long-cacheable
 * and readable from any origin (JSON-LD processors fetch contexts cross-origin).
 */
@WebServlet("/ns/credentials/v1")
public class CredentialContextServlet extends HttpServlet {

    static final String MEDIA_TYPE = "application/ld+json";

    @Inject
    Credentials credentials;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType(MEDIA_TYPE);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.getWriter().write(credentials.contextDocument());
    }
}
