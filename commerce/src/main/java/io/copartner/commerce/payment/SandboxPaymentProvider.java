package io.copartner.commerce.payment;

import io.copartner.commerce.api.SignedWebhook;
import io.copartner.commerce.domain.WebhookSignature;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dev/test payment rail, in the manner of Stripe's test mode: nothing is charged; a confirmation is an event
 * {@code {"id":"evt_…","type":"top_up.succeeded","created":<unix>,"data":{"topUpId","currency","amount"}}} signed
 * with the sandbox secret ({@link WebhookSignature}). {@link #confirmation} issues it; the webhook verifies it
 * exactly as it would a real provider's.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String NAME = "sandbox";
    public static final String TYPE = "top_up.succeeded";

    @Inject
    @ConfigProperty(name = "copartner.payment.sandbox.secret", defaultValue = "dev-sandbox-webhook-secret-change-me")
    String secret;

    @Inject
    @ConfigProperty(name = "copartner.payment.webhook-tolerance-seconds", defaultValue = "300")
    long toleranceSeconds;

    private volatile WebhookSignature signature;

    public SandboxPaymentProvider() {
    }

    public SandboxPaymentProvider(String secret, long toleranceSeconds) {
        this.secret = secret;
        this.toleranceSeconds = toleranceSeconds;
    }

    @Override
    public String name() {
        return NAME;
    }

    WebhookSignature signature() {
        if (signature == null) {
            signature = new WebhookSignature(secret, Duration.ofSeconds(toleranceSeconds));
        }
        return signature;
    }

    /** The signed event confirming a top-up, as the sandbox "bank" would send it at {@code now}. */
    public SignedWebhook confirmation(UUID topUpId, String currency, long amount, Instant now) {
        String body = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"type\":\"" + TYPE
            + "\",\"created\":" + now.getEpochSecond() + ",\"data\":{\"topUpId\":\"" + topUpId + "\",\"currency\":\""
            + currency + "\",\"amount\":" + amount + "}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new SignedWebhook("/api/v1/payments/" + NAME + "/webhook", WebhookSignature.HEADER,
            signature().sign(bytes, now), body);
    }

    @Override
    public PaymentEvent verify(Map<String, String> headers, byte[] body, Instant now) {
        Instant signedAt = signature().verify(headers.get(WebhookSignature.HEADER.toLowerCase(java.util.Locale.ROOT)),
            body, now);
        JsonObject event;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            event = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.malformed("the webhook body is not a JSON object");
        }
        String id = string(event, "id");
        if (!id.matches("evt_[A-Za-z0-9]{1,100}")) {
            throw ProblemException.badRequest("id must be evt_ followed by 1..100 letters or digits");
        }
        if (!TYPE.equals(string(event, "type"))) {
            throw ProblemException.badRequest("type must be " + TYPE);
        }
        JsonValue data = event.get("data");
        if (!(data instanceof JsonObject d)) {
            throw ProblemException.badRequest("data must be an object");
        }
        JsonValue amount = d.get("amount");
        if (!(amount instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().signum() <= 0
            || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw ProblemException.badRequest("data.amount must be a positive integer of minor units");
        }
        return new PaymentEvent(id, string(d, "topUpId"), string(d, "currency"), n.longValueExact(), signedAt);
    }

    private static String string(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonString s)) {
            throw ProblemException.badRequest(name + " must be a string");
        }
        return s.getString();
    }
}
