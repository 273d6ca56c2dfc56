package io.copartner.bench;

import io.copartner.kernel.encoding.Multikey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * An Ed25519 did:key wallet as a wallet developer writes one from the public sign-in contract (README "DID sign-in
 * for wallet developers"): a JWS over {iss, sub, aud, nonce, iat, exp, jti} with kid = the did:key's key id.
 */
final class DidSignIn {

    private final KeyPair keys;
    final String did;

    DidSignIn() throws GeneralSecurityException {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = keys.getPublic().getEncoded();
        did = "did:key:" + Multikey.encode(0xed, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** The sign-in assertion over {@code nonce} for {@code audience} (the token endpoint), valid 120 s. */
    String assertion(String audience, String nonce) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + did + "#" + did.substring(8) + "\"}";
        String payload = "{\"iss\":\"" + did + "\",\"sub\":\"" + did + "\",\"aud\":\"" + audience + "\",\"nonce\":\""
            + nonce + "\",\"iat\":" + now + ",\"exp\":" + (now + 120) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String input = b64(header) + "." + b64(payload);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    /** A compact JWS over {@code payloadJson}, header {alg EdDSA, kid, typ}: a governance ballot or statement. */
    String jws(String typ, String payloadJson) throws GeneralSecurityException {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + did + "#" + did.substring(8) + "\",\"typ\":\"" + typ + "\"}";
        String input = b64(header) + "." + b64(payloadJson);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    /** A compact JWS with detached payload (RFC 7515 App. F), header {alg EdDSA, kid}: an EPCIS event signature. */
    String detached(byte[] payload) throws GeneralSecurityException {
        String header = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + did + "#" + did.substring(8) + "\"}");
        String input = header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
