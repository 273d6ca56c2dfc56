package io.copartner.web.http;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.web.problem.ProblemCarrier;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The request with its body stream counted (and, for JSON, its nesting tracked) as it is read. */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private final int maxDepth;
    private LimitedStream stream;
    private BufferedReader reader;

    /** @param maxDepth the JSON nesting limit, or -1 for a body that is not JSON */
    LimitedBodyRequest(HttpServletRequest request, long maxBytes, int maxDepth) {
        super(request);
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new LimitedStream(super.getInputStream(), maxBytes, maxDepth);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }
        return reader;
    }

    /** Thrown from read(): an IOException is what readers expect there, and it carries the problem to the mappers. */
    static final class LimitExceeded extends IOException implements ProblemCarrier {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        LimitExceeded(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        @Override
        public Problem problem() {
            return problem;
        }
    }

    static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final int maxDepth;
        private long count;
        private int depth;
        private boolean inString;
        private boolean escaped;

        LimitedStream(ServletInputStream in, long maxBytes, int maxDepth) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.maxDepth = maxDepth;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                scan(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
                if (maxDepth >= 0) {
                    for (int i = off; i < off + n; i++) {
                        scan(buf[i]);
                    }
                }
            }
            return n;
        }

        private void count(int n) throws LimitExceeded {
            count += n;
            if (count > maxBytes) {
                throw new LimitExceeded(RequestLimitsFilter.tooLarge(maxBytes));
            }
        }

        /** JSON structure only: brackets inside strings do not nest; UTF-8 continuation bytes are never ASCII. */
        private void scan(int b) throws LimitExceeded {
            if (maxDepth < 0) {
                return;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > maxDepth) {
                    throw new LimitExceeded(Problem.of(ProblemType.MALFORMED_REQUEST,
                        "The JSON body is nested deeper than " + maxDepth + " levels."));
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
