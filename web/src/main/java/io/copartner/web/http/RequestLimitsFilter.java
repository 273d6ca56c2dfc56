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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds what a request body may cost before anyone reads it: a declared {@code Content-Length} above
 * {@code copartner.http.max-body-bytes} is answered 413 at once; a chunked body is counted while it is read and
 * stops at the same limit; a JSON body nested deeper than {@code copartner.http.max-json-depth} stops with 400
 * (the JSON reader would otherwise recurse until the stack overflows). Servlets and JAX-RS alike read through it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {

    static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    static final int DEFAULT_MAX_JSON_DEPTH = 64;

    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        Config mp = ConfigProvider.getConfig(RequestLimitsFilter.class.getClassLoader());
        maxBodyBytes = mp.getOptionalValue("copartner.http.max-body-bytes", Long.class).orElse(DEFAULT_MAX_BODY_BYTES);
        maxJsonDepth = mp.getOptionalValue("copartner.http.max-json-depth", Integer.class).orElse(DEFAULT_MAX_JSON_DEPTH);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            // Not reading a body we refuse: close the connection rather than drain it.
            res.setHeader("Connection", "close");
            SecurityHeadersFilter.apply(res);
            ProblemResponses.write(res, tooLarge(maxBodyBytes));
            return;
        }
        if (declared == 0 || (declared < 0 && req.getHeader("Transfer-Encoding") == null)) {
            chain.doFilter(req, res);
            return;
        }
        chain.doFilter(new LimitedBodyRequest(req, maxBodyBytes, isJson(req.getContentType()) ? maxJsonDepth : -1), res);
    }

    static Problem tooLarge(long max) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + max + " bytes.")
            .withExtension("maxBytes", max);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
