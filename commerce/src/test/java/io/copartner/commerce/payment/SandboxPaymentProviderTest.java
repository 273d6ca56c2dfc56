package io.copartner.commerce.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.commerce.api.SignedWebhook;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sandbox's own confirmations verify; what a client changes in them, or sends late, does not. */
class SandboxPaymentProviderTest {

    static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    final SandboxPaymentProvider sandbox = new SandboxPaymentProvider("sandbox-secret-for-unit-tests", 300);

    @Test
    void aConfirmationVerifiesAndSaysWhatWasPaid() {
        UUID topUp = UUID.randomUUID();
        SignedWebhook w = sandbox.confirmation(topUp, "CNY", 10000, T);
        assertEquals("/api/v1/payments/sandbox/webhook", w.path());
        assertEquals("Copartner-Signature", w.signatureHeader());
        PaymentProvider.PaymentEvent e = sandbox.verify(Map.of("copartner-signature", w.signature()),
            w.body().getBytes(StandardCharsets.UTF_8), T.plusSeconds(10));
        assertEquals(topUp.toString(), e.topUpId());
        assertEquals("CNY", e.currency());
        assertEquals(10000, e.amount());
        assertTrue(e.eventId().startsWith("evt_"));
        assertTrue(!e.eventId().equals(sandbox.confirmation(topUp, "CNY", 10000, T).body()),
            "each confirmation is a new event");
    }

    @Test
    void aChangedAmountALateDeliveryOrAnotherSecretIsRefused() {
        SignedWebhook w = sandbox.confirmation(UUID.randomUUID(), "CNY", 10000, T);
        byte[] more = w.body().replace("10000", "99999").getBytes(StandardCharsets.UTF_8);
        type(ProblemType.WEBHOOK_SIGNATURE_INVALID, () -> sandbox.verify(Map.of("copartner-signature",
            w.signature()), more, T));
        type(ProblemType.WEBHOOK_TIMESTAMP_STALE, () -> sandbox.verify(Map.of("copartner-signature",
            w.signature()), w.body().getBytes(StandardCharsets.UTF_8), T.plusSeconds(301)));
        SandboxPaymentProvider other = new SandboxPaymentProvider("a-different-sandbox-secret", 300);
        type(ProblemType.WEBHOOK_SIGNATURE_INVALID, () -> other.verify(Map.of("copartner-signature",
            w.signature()), w.body().getBytes(StandardCharsets.UTF_8), T));
        type(ProblemType.WEBHOOK_SIGNATURE_INVALID, () -> sandbox.verify(Map.of(),
            w.body().getBytes(StandardCharsets.UTF_8), T));
    }

    @Test
    void aSignedButMalformedEventIsABadRequest() {
        for (String body : new String[] {"[]", "not json", "{\"id\":\"evt_1\",\"type\":\"other\"}",
            "{\"id\":\"evt_1\",\"type\":\"top_up.succeeded\",\"data\":{\"topUpId\":\"x\",\"currency\":\"CNY\","
                + "\"amount\":1.5}}",
            "{\"id\":\"nope\",\"type\":\"top_up.succeeded\",\"data\":{}}"}) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String header = sandbox.signature().sign(bytes, T);
            ProblemException e = assertThrows(ProblemException.class,
                () -> sandbox.verify(Map.of("copartner-signature", header), bytes, T), body);
            assertEquals(400, e.problem().status(), body);
        }
    }

    private static void type(ProblemType type, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(type.uri(), e.problem().type());
    }
}
