package io.copartner.web.rest;

import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.PlatformDid;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The platform's did:web document (W3C DID Core): {@code did:web:<host>} resolves here. It publishes the
 * Ed25519 key that signs audit checkpoints ({@code #checkpoint}, so a verifier needs nothing but this URL and
 * the chain) and the credential issuer keys ({@code #issuer-N}; retired ones with {@code expires}). The
 * identity module builds it, so {@code GET /api/v1/dids/{did}} answers the same document.
 */
@WebServlet("/.well-known/did.json")
public class WellKnownDidServlet extends HttpServlet {

    @Inject
    PlatformDid platformDid;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(resp, platformDid.document());
    }

    static void write(HttpServletResponse resp, DidDocument doc) throws IOException {
        // Public: a request that carries an invalid token is answered as an anonymous one, as the JAX-RS resources
        // do; without this the 401 the JWT layer set beforehand went out with the document (AuthorizationMatrixIT).
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(DidDocument.MEDIA_TYPE);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "max-age=60");
        resp.getWriter().write(doc.json());
    }
}
