package io.copartner.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Browser hardening on every response of the application (JAX-RS, servlets, error pages, the web app), set before
 * the chain runs so even an error answer carries them. One CSP for all: only the app's own scripts (no inline
 * script), styles and images; the app may call Keycloak (DID sign-in, tokens) and the chain's JSON-RPC (the audit
 * explorer reads anchored roots itself). Liberty's own pages (/openapi/ui, /health) are not part of this
 * application; server.xml adds the non-CSP headers there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    /** Computed once from the configuration; static because RateLimitFilter applies the headers too. */
    private static volatile String csp;

    @Override
    public void init() {
        policy();
    }

    private static String policy() {
        String p = csp;
        if (p == null) {
            // The browser reads the chain where the app is told to: the operator's public RPC if named, else ours.
            Optional<String> chain = origin("copartner.chain.public-rpc.url");
            p = csp(origin("copartner.keycloak.url"), chain.isPresent() ? chain : origin("copartner.chain.rpc.url"));
            csp = p;
        }
        return p;
    }

    static String csp(Optional<String> keycloak, Optional<String> chain) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        keycloak.ifPresent(connect::add);
        chain.ifPresent(connect::add);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src " + String.join(" ", connect) + "; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host:port of a configured URL, if it is one. */
    private static Optional<String> origin(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class).flatMap(u -> {
            try {
                URI uri = URI.create(u.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return Optional.empty();
                }
                return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

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
        res.setHeader("Content-Security-Policy", policy());
    }
}
