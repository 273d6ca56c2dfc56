package io.copartner.commerce.domain;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, in the scheme of Stripe's {@code Stripe-Signature}: header {@code t=<unix seconds>,v1=<hex>}
 * where {@code v1} = lowercase hex HMAC-SHA256(secret, {@code "<t>." + body bytes}). Several {@code v1} may be given
 * (a secret being rotated); one must match, compared in constant time. {@code t} must be within the tolerance of now,
 * in either direction, so a captured request cannot be sent again later.
 */
public final class WebhookSignature {

    public static final String HEADER = "Copartner-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a webhook secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** The header value for {@code body} signed at {@code at}. */
    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /**
     * Verifies the header against the body at {@code now}; {@code webhook-signature-invalid} if it is missing,
     * malformed or no signature matches, {@code webhook-timestamp-stale} if it is outside the tolerance. The
     * signature is checked before the time, so the answer about time is given only to whoever holds the secret.
     */
    public Instant verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            throw invalid("the " + HEADER + " header is required: t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw invalid("the " + HEADER + " header is a list of key=value pairs");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (!value.matches("[0-9]{1,12}") || t != null) {
                    throw invalid("t must be one Unix time in seconds");
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (!value.matches("[0-9a-f]{64}")) {
                    throw invalid("v1 must be 64 lowercase hex digits");
                }
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (t == null || signatures.isEmpty()) {
            throw invalid("the " + HEADER + " header needs t and at least one v1");
        }
        byte[] expected = mac(t, body == null ? new byte[0] : body);
        boolean match = false;
        for (byte[] s : signatures) {
            match |= MessageDigest.isEqual(expected, s);
        }
        if (!match) {
            throw invalid("no v1 signature matches the body");
        }
        Instant signedAt = Instant.ofEpochSecond(t);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw ProblemException.of(ProblemType.WEBHOOK_TIMESTAMP_STALE, "signed at " + signedAt + ", more than "
                + tolerance.toSeconds() + " s from the server's time " + now);
        }
        return signedAt;
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.of(ProblemType.WEBHOOK_SIGNATURE_INVALID, detail);
    }
}
