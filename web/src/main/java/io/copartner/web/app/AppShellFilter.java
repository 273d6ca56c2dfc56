package io.copartner.web.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * History fallback of the web app: a browser that opens a client route (e.g. /account) gets index.html, and the
 * app's router shows the screen. Only page navigations (GET/HEAD accepting text/html) to paths that are not the
 * server's own and have no file extension are forwarded; every other unknown path keeps its problem+json 404.
 * Hashed assets are cached for a year, the shell never (a new build is picked up at once).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AppShellFilter extends HttpFilter {

    static final List<String> SERVER_PATHS = List.of("/api/", "/openapi", "/health", "/metrics", "/.well-known/",
        "/trace", "/merchants/", "/ns/", "/error-page", "/app-config.json", "/ibm/", "/r/");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/assets/")) {
            res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else if (isAppRoute(req.getMethod(), path, req.getHeader("Accept"))) {
            res.setHeader("Cache-Control", "no-cache");
            req.getRequestDispatcher("/index.html").forward(req, res);
            return;
        }
        chain.doFilter(req, res);
    }

    static boolean isAppRoute(String method, String path, String accept) {
        if (!("GET".equals(method) || "HEAD".equals(method)) || accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (path.equals("/") || path.isEmpty()) {
            return true;
        }
        for (String p : SERVER_PATHS) {
            if (path.startsWith(p) || path.equals(p.endsWith("/") ? p.substring(0, p.length() - 1) : p)) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
