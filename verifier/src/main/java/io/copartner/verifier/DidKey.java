package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * The checkpoint-signing key found in the platform's did:web document: verification method {@code <did>#checkpoint}
 * as a JsonWebKey2020 ({@code publicKeyJwk} OKP/Ed25519) or Multikey ({@code publicKeyMultibase} z-base58btc of
 * 0xed 0x01 ‖ raw key). The note key name is {@code copartner:noteKeyName} when present, else the checkpoint origin.
 */
public record DidKey(String did, String methodId, byte[] rawPublicKey, String noteKeyName) {
    private static final String FRAGMENT = "#checkpoint";

    /** The did:web DID of a base URL's host (port encoded as %3A). */
    public static String didWebFor(java.net.URI base) {
        String did = "did:web:" + base.getHost();
        if (base.getPort() != -1) {
            did += "%3A" + base.getPort();
        }
        return did;
    }

    public static DidKey fromDocument(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("DID document is not a JSON object");
        }
        String did = doc.path("id").asText("");
        if (!did.startsWith("did:")) {
            throw new IllegalArgumentException("DID document has no valid 'id'");
        }
        JsonNode methods = doc.path("verificationMethod");
        if (!methods.isArray()) {
            throw new IllegalArgumentException("DID document has no verificationMethod array");
        }
        for (JsonNode vm : methods) {
            String id = vm.path("id").asText("");
            if (!id.equals(did + FRAGMENT) && !id.equals(FRAGMENT)) {
                continue;
            }
            byte[] raw = rawKey(vm);
            String name = vm.hasNonNull("copartner:noteKeyName") ? vm.get("copartner:noteKeyName").asText() : null;
            return new DidKey(did, did + FRAGMENT, raw, name);
        }
        throw new IllegalArgumentException("DID document has no verification method " + did + FRAGMENT);
    }

    private static byte[] rawKey(JsonNode vm) {
        String type = vm.path("type").asText("");
        JsonNode jwk = vm.get("publicKeyJwk");
        if (jwk != null && jwk.isObject()) {
            if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())) {
                throw new IllegalArgumentException("checkpoint key (" + type + ") is not an OKP/Ed25519 JWK");
            }
            byte[] raw;
            try {
                raw = Base64.getUrlDecoder().decode(jwk.path("x").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpoint JWK 'x' is not base64url");
            }
            return check32(raw);
        }
        if (vm.hasNonNull("publicKeyMultibase")) {
            String mb = vm.get("publicKeyMultibase").asText();
            if (!mb.startsWith("z")) {
                throw new IllegalArgumentException("publicKeyMultibase is not base58btc ('z' prefix)");
            }
            byte[] bytes = base58Decode(mb.substring(1));
            if (bytes.length != 34 || (bytes[0] & 0xff) != 0xed || bytes[1] != 0x01) {
                throw new IllegalArgumentException("publicKeyMultibase is not an ed25519-pub multicodec key");
            }
            return check32(Arrays.copyOfRange(bytes, 2, 34));
        }
        throw new IllegalArgumentException("checkpoint key has neither publicKeyJwk nor publicKeyMultibase");
    }

    private static byte[] check32(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("Ed25519 key must be 32 bytes, got " + raw.length);
        }
        return raw;
    }

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static byte[] base58Decode(String s) {
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            int d = B58.indexOf(c);
            if (d < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "'");
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (body.length > 0 && body[0] == 0) {
            body = Arrays.copyOfRange(body, 1, body.length);
        }
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + body.length];
        System.arraycopy(body, 0, out, zeros, body.length);
        return out;
    }

    /** The key name used in the note: the DID's hint, or else the checkpoint origin. */
    public String keyNameFor(String origin) {
        return noteKeyName != null && !noteKeyName.isEmpty() ? noteKeyName : origin;
    }
}
