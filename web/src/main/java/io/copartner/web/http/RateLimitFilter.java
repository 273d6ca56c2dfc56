package io.copartner.web.http;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.kernel.ratelimit.RateLimits;
import io.copartner.kernel.ratelimit.TokenBuckets.Limit;
import io.copartner.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Abuse limits on every request of the application, before any body is read: reads (GET, HEAD, OPTIONS) and
 * writes (anything else) each have a token bucket per IP and per client (per bearer token, keyed by its hash so
 * a forged token cannot spend someone else's budget). Over the limit: 429 problem with {@code Retry-After}.
 * The defaults are generous (a bench drives thousands of requests per second from one address); production sets
 * {@code copartner.ratelimit.*} lower (docs/operations.md). Registered first in web.xml.
 */
public class RateLimitFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());
    static final Limit READ_IP = new Limit(20_000, 40_000);
    static final Limit READ_CLIENT = new Limit(20_000, 40_000);
    static final Limit WRITE_IP = new Limit(10_000, 20_000);
    static final Limit WRITE_CLIENT = new Limit(10_000, 20_000);

    private RateLimits reads;
    private RateLimits writes;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        Config mp = ConfigProvider.getConfig(RateLimitFilter.class.getClassLoader());
        reads = new RateLimits("read", READ_IP, READ_CLIENT, n -> mp.getOptionalValue(n, String.class), System::nanoTime);
        writes = new RateLimits("write", WRITE_IP, WRITE_CLIENT, n -> mp.getOptionalValue(n, String.class),
            System::nanoTime);
        LOG.info("Rate limits: " + reads.describe() + "; " + writes.describe());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        RateLimits limits = isRead(req.getMethod()) ? reads : writes;
        long wait = limits.acquire(req.getRemoteAddr(), client(req.getHeader("Authorization")));
        if (wait > 0) {
            SecurityHeadersFilter.apply(res);
            res.setHeader("Retry-After", Long.toString(wait));
            ProblemResponses.write(res, Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests from this client; retry after " + wait + " s.")
                .withExtension("retryAfterSeconds", wait));
            return;
        }
        chain.doFilter(req, res);
    }

    static boolean isRead(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** The bearer token's SHA-256, shortened: a key that names the client without keeping its token in memory. */
    static String client(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
