package io.copartner.web.http;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cross-origin access to the API only for the origins in {@code copartner.http.cors.allowed-origins} (comma
 * separated, exact {@code scheme://host[:port]}) and the platform's own origin ({@code copartner.public.url}, the
 * web app served by this WAR). An allowed origin gets {@code Access-Control-Allow-Origin} naming it (never {@code *}, never
 * credentials: the API takes bearer tokens, not cookies); a preflight from any other origin is refused with 403.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, Idempotency-Key";
    static final String EXPOSE_HEADERS = "Location, Retry-After";

    private Set<String> allowed = Set.of();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        var mp = ConfigProvider.getConfig(CorsFilter.class.getClassLoader());
        // The platform's own origin is always allowed: the web app served by this WAR, reached by its public URL.
        String own = mp.getOptionalValue("copartner.public.url", String.class).orElse("");
        allowed = parse(own + "," + mp.getOptionalValue("copartner.http.cors.allowed-origins", String.class).orElse(""));
    }

    static Set<String> parse(String origins) {
        return Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(req, res);
            return;
        }
        res.addHeader("Vary", "Origin");
        boolean ok = allowed.contains(origin);
        boolean preflight = "OPTIONS".equalsIgnoreCase(req.getMethod())
            && req.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!ok) {
                ProblemResponses.write(res, Problem.of(ProblemType.FORBIDDEN,
                    "Cross-origin requests from this origin are not allowed."));
                return;
            }
            res.setHeader("Access-Control-Allow-Origin", origin);
            res.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
            res.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
            res.setHeader("Access-Control-Max-Age", "600");
            res.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (ok) {
            res.setHeader("Access-Control-Allow-Origin", origin);
            res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        chain.doFilter(req, res);
    }
}
