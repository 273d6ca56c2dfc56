package io.copartner.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser hardening on every response of the application (JAX-RS, servlets, error pages), set before the chain runs
 * so even an error answer carries them. One CSP for all: it only allows the app's own scripts, styles and images,
 * which is what an HTML page of ours needs, and is inert on JSON. Liberty's own pages (/openapi/ui, /health) are
 * not part of this application; server.xml adds the non-CSP headers there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        apply(res);
        chain.doFilter(req, res);
    }

    /** The headers alone, for a filter that answers before this one runs (RateLimitFilter). */
    static void apply(HttpServletResponse res) {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", CSP);
    }
}
