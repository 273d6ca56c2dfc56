package io.copartner.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_0123456789abcdef";
    static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"top_up.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    final WebhookSignature sig = new WebhookSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void theHeaderIsStripesSchemeAndAnyoneWithTheSecretCanRecomputeIt() throws Exception {
        String header = sig.sign(BODY, T);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((T.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
        assertEquals("t=" + T.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(BODY)), header);
        assertEquals(T, sig.verify(header, BODY, T));
        assertEquals(T, sig.verify(header, BODY, T.plusSeconds(300)), "the edge of the window is inside");
        assertEquals(T, sig.verify(header, BODY, T.minusSeconds(300)), "a clock slightly behind is tolerated");
    }

    @Test
    void oneMatchingV1AmongSeveralIsEnough() {
        String good = sig.sign(BODY, T);
        String other = new WebhookSignature("another-secret-0123456789", Duration.ofMinutes(5)).sign(BODY, T);
        String both = other + "," + good.substring(good.indexOf("v1="));
        assertEquals(T, sig.verify(both, BODY, T));
    }

    @Test
    void aBadSignatureIsRefused() {
        String good = sig.sign(BODY, T);
        byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"top_up.succeeded\" }".getBytes(StandardCharsets.UTF_8);
        invalid(good, tampered);
        invalid(new WebhookSignature("another-secret-0123456789", Duration.ofMinutes(5)).sign(BODY, T), BODY);
        // The same signature under another timestamp: the timestamp is signed too.
        invalid(good.replace("t=" + T.getEpochSecond(), "t=" + (T.getEpochSecond() + 1)), BODY);
        for (String malformed : new String[] {null, "", "v1=abc", "t=1", "t=x,v1=" + "0".repeat(64),
            "t=1,t=2,v1=" + "0".repeat(64), "t=1,v1=" + "G".repeat(64), "garbage", "t=1,v1=" + "0".repeat(63)}) {
            invalid(malformed, BODY);
        }
    }

    @Test
    void anOldOrFutureTimestampIsRefusedEvenWhenSignedCorrectly() {
        String old = sig.sign(BODY, T.minusSeconds(301));
        ProblemException e = assertThrows(ProblemException.class, () -> sig.verify(old, BODY, T));
        assertEquals(ProblemType.WEBHOOK_TIMESTAMP_STALE.uri(), e.problem().type());
        String future = sig.sign(BODY, T.plusSeconds(301));
        e = assertThrows(ProblemException.class, () -> sig.verify(future, BODY, T));
        assertEquals(ProblemType.WEBHOOK_TIMESTAMP_STALE.uri(), e.problem().type());
    }

    @Test
    void aShortSecretIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("short", Duration.ofMinutes(5)));
    }

    private void invalid(String header, byte[] body) {
        ProblemException e = assertThrows(ProblemException.class, () -> sig.verify(header, body, T), header);
        assertEquals(ProblemType.WEBHOOK_SIGNATURE_INVALID.uri(), e.problem().type(), header);
    }
}
