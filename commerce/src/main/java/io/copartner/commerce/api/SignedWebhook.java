package io.copartner.commerce.api;

/**
 * A provider webhook exactly as the provider would send it: POST {@code body} (JSON text, byte for byte) to
 * {@code path} with the header {@code signatureHeader}: {@code signature}. The sandbox provider hands these out so a
 * client can complete a top-up through the same verified path a real provider uses.
 */
public record SignedWebhook(String path, String signatureHeader, String signature, String body) {
}
