package io.copartner.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Liberty's mpJwt answers a missing or invalid token with a bare 401 (no body) from inside the request, where
 * no JAX-RS mapper or error page sees it. This filter notices an error status with an empty body and writes
 * the problem details, so every error a client gets is application/problem+json.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BareErrorProblemFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        BodyWatchingResponse watched = new BodyWatchingResponse(res);
        chain.doFilter(req, watched);
        int status = res.getStatus();
        if (status >= 400 && !watched.bodyStarted && !res.isCommitted()) {
            ProblemResponses.write(res, WebApplicationExceptionMapper.problemFor(status, null));
        }
    }

    /** Tracks whether anyone wrote a body; a flush of an empty error response is held back so we still can. */
    private static final class BodyWatchingResponse extends HttpServletResponseWrapper {
        boolean bodyStarted;

        BodyWatchingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (bodyStarted || getStatus() < 400) {
                super.flushBuffer();
            }
        }
    }
}
