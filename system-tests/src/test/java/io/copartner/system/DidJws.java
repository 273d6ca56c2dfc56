package io.copartner.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * A third party's check of a did:key-signed compact JWS (a governance ballot or delegation statement): the key
 * comes from the DID itself (base58btc, multicodec 0xed Ed25519 or 0xe7 secp256k1), never from the platform.
 */
final class DidJws {

    private static final X9ECParameters K1 = SECNamedCurves.getByName("secp256k1");

    record Verified(JsonNode header, JsonNode payload) {
    }

    private DidJws() {
    }

    /**
     * Verifies {@code jws} as signed by {@code did} with header typ {@code typ}: alg matching the key type, kid the
     * DID URL of the key, and the signature over the ASCII signing input. Throws AssertionError when anything is off.
     */
    static Verified verify(String jws, String did, String typ) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS: " + jws);
        }
        JsonNode header = Jcs.parse(utf8(parts[0]));
        JsonNode payload = Jcs.parse(utf8(parts[1]));
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!typ.equals(header.path("typ").asText())) {
            throw new AssertionError("typ " + header.path("typ") + " in " + jws);
        }
        if (!(did + "#" + did.substring("did:key:".length())).equals(header.path("kid").asText())) {
            throw new AssertionError("kid " + header.path("kid") + " is not the key of " + did);
        }
        byte[] decoded = base58(did.substring("did:key:z".length()));
        int codec = (decoded[0] & 0x7f) | ((decoded[1] & 0xff) << 7);
        byte[] key = Arrays.copyOfRange(decoded, 2, decoded.length);
        boolean ok;
        if (codec == 0xed) {
            assertAlg(header, "EdDSA");
            ok = ed25519(key, input, sig);
        } else if (codec == 0xe7) {
            assertAlg(header, "ES256K");
            ok = sig.length == 64 && secp256k1(key, input, sig);
        } else {
            throw new AssertionError("unexpected multicodec 0x" + Integer.toHexString(codec) + " in " + did);
        }
        if (!ok) {
            throw new AssertionError("signature of " + did + " does not verify: " + jws);
        }
        return new Verified(header, payload);
    }

    static String sha256OfAscii(String jws) {
        return HexFormat.of().formatHex(AuditLogIT.sha256(jws.getBytes(StandardCharsets.US_ASCII)));
    }

    static JsonNode payloadOf(String jws) {
        return Jcs.parse(utf8(jws.split("\\.", -1)[1]));
    }

    private static void assertAlg(JsonNode header, String alg) {
        if (!alg.equals(header.path("alg").asText())) {
            throw new AssertionError("alg " + header.path("alg") + ", expected " + alg);
        }
    }

    private static String utf8(String b64url) {
        return new String(Base64.getUrlDecoder().decode(b64url), StandardCharsets.UTF_8);
    }

    private static boolean ed25519(byte[] raw, byte[] input, byte[] sig) {
        try {
            var pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                AuditLogIT.concat(HexFormat.of().parseHex("302a300506032b6570032100"), raw)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(input);
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean secp256k1(byte[] compressed, byte[] input, byte[] sig) {
        SHA256Digest sha = new SHA256Digest();
        byte[] hash = new byte[32];
        sha.update(input, 0, input.length);
        sha.doFinal(hash, 0);
        ECDomainParameters domain = new ECDomainParameters(K1.getCurve(), K1.getG(), K1.getN(), K1.getH());
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(K1.getCurve().decodePoint(compressed), domain));
        return verifier.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)));
    }

    static byte[] base58(String s) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            int d = alphabet.indexOf(c);
            if (d < 0) {
                throw new AssertionError("not base58btc: " + s);
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + b.length];
        System.arraycopy(b, 0, out, zeros, b.length);
        return out;
    }
}
