package io.copartner.web.http;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a request path that no resource can honestly mean, as problem details: an encoded {@code /} or
 * {@code \}, a raw {@code \}, a control character (encoded or not), a {@code .} or {@code ..} segment after
 * decoding, or an escape that is not UTF-8. These are Servlet 6.0's "suspicious sequences" (§3.5.2). Liberty's
 * own check answers them with its {@code {"error_message"}} JSON before any application code runs, so server.xml
 * turns that check off ({@code webContainer skipEncodedCharVerification}) and this filter, declared in web.xml
 * right after the abuse limits, does it instead for everything the application serves.
 */
public class EncodedPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        Optional<String> why = suspicious(req.getRequestURI());
        if (why.isPresent()) {
            SecurityHeadersFilter.apply(res);
            ProblemResponses.write(res, Problem.of(ProblemType.MALFORMED_REQUEST,
                "The request path is not acceptable: " + why.get() + "."));
            return;
        }
        chain.doFilter(req, res);
    }

    /** Why the raw (still percent-encoded) request path is refused, or empty when it is fine. */
    static Optional<String> suspicious(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("it holds a backslash");
        }
        String decoded;
        try {
            decoded = decode(rawPath);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return Optional.of("it holds a control character");
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            String s = decode(segment);
            if (s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
                return Optional.of("a segment holds an encoded '/' or '\\'");
            }
            String plain = s.contains(";") ? s.substring(0, s.indexOf(';')) : s;
            if (plain.equals(".") || plain.equals("..")) {
                return Optional.of("it holds a '.' or '..' segment");
            }
        }
        return Optional.empty();
    }

    /** Strict RFC 3986 percent-decoding of UTF-8: a broken escape or malformed UTF-8 is refused, never replaced. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                    || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("it holds a broken percent escape");
                }
                bytes.put((byte) Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("its escapes are not UTF-8");
        }
    }
}
