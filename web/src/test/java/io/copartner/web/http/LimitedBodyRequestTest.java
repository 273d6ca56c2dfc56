package io.copartner.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.problem.ProblemType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitedBodyRequestTest {

    /** A servlet stream over bytes, as a container hands it out. */
    static ServletInputStream bytes(String s) {
        ByteArrayInputStream in = new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        return new ServletInputStream() {
            @Override public int read() {
                return in.read();
            }
            @Override public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
            @Override public boolean isFinished() {
                return in.available() == 0;
            }
            @Override public boolean isReady() {
                return true;
            }
            @Override public void setReadListener(ReadListener l) {
            }
        };
    }

    static String readAll(ServletInputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyWithinTheLimitsPassesUnchanged() throws IOException {
        String json = "{\"a\":[[1,2]],\"s\":\"[[[[[[\\\"]]]]\"}";
        assertEquals(json, readAll(new LimitedBodyRequest.LimitedStream(bytes(json), 100, 3)));
    }

    @Test
    void countingStopsAtTheByteLimit() {
        var e = assertThrows(LimitedBodyRequest.LimitExceeded.class,
            () -> readAll(new LimitedBodyRequest.LimitedStream(bytes("x".repeat(101)), 100, -1)));
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE.uri(), e.problem().type());
    }

    @Test
    void nestingStopsAtTheDepthLimitButBracketsInStringsDoNotCount() throws IOException {
        var e = assertThrows(LimitedBodyRequest.LimitExceeded.class,
            () -> readAll(new LimitedBodyRequest.LimitedStream(bytes("[[[1]]]"), 100, 2)));
        assertEquals(ProblemType.MALFORMED_REQUEST.uri(), e.problem().type());
        assertEquals("[\"[[[[\"]", readAll(new LimitedBodyRequest.LimitedStream(bytes("[\"[[[[\"]"), 100, 1)));
    }
}
