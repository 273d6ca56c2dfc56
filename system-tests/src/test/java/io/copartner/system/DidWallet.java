package io.copartner.system;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A wallet as a third party would write it, sharing no code with the Keycloak provider: a fresh did:key
 * (Ed25519 with the JDK, secp256k1 with BouncyCastle's low-level API), base58btc by hand, and compact JWS signing.
 */
final class DidWallet {

    enum Type { ED25519, SECP256K1 }

    private static final X9ECParameters K1 = SECNamedCurves.getByName("secp256k1");
    private static final SecureRandom RANDOM = new SecureRandom();

    final Type type;
    final String did;
    private final KeyPair ed;          // Ed25519
    private final BigInteger k1Secret; // secp256k1

    private DidWallet(Type type, String did, KeyPair ed, BigInteger k1Secret) {
        this.type = type;
        this.did = did;
        this.ed = ed;
        this.k1Secret = k1Secret;
    }

    static DidWallet create(Type type) {
        try {
            if (type == Type.ED25519) {
                KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] spki = kp.getPublic().getEncoded();
                byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                return new DidWallet(type, didKey(0xed, raw), kp, null);
            }
            BigInteger d;
            do {
                d = new BigInteger(256, RANDOM);
            } while (d.signum() == 0 || d.compareTo(K1.getN()) >= 0);
            byte[] compressed = K1.getG().multiply(d).getEncoded(true);
            return new DidWallet(type, didKey(0xe7, compressed), null, d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String kid() {
        return did + "#" + did.substring("did:key:".length());
    }

    String alg() {
        return type == Type.ED25519 ? "EdDSA" : "ES256K";
    }

    /** A compact JWS of the given payload JSON, header {alg, typ, kid}. */
    String sign(String payloadJson) {
        return sign(payloadJson, kid());
    }

    String sign(String payloadJson, String kid) {
        return jws("{\"alg\":\"" + alg() + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", payloadJson);
    }

    /** A compact JWS with header {alg, kid, typ}: governance ballots and delegation statements. */
    String signTyped(String typ, String payloadJson, String kid) {
        return jws("{\"alg\":\"" + alg() + "\",\"kid\":\"" + kid + "\",\"typ\":\"" + typ + "\"}", payloadJson);
    }

    /** An SD-JWT Key Binding JWT (RFC 9901 §4.3): header {alg, typ kb+jwt}. */
    String signKeyBinding(String payloadJson) {
        return jws("{\"alg\":\"" + alg() + "\",\"typ\":\"kb+jwt\"}", payloadJson);
    }

    /** A compact JWS with detached payload (RFC 7515 Appendix F): {@code header..signature} over {@code payload}. */
    String signDetached(String kid, byte[] payload) {
        String header = b64(("{\"alg\":\"" + alg() + "\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + b64(payload);
        return header + ".." + b64(signature(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private String jws(String header, String payloadJson) {
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
        return input + "." + b64(signature(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] signature(byte[] input) {
        try {
            if (type == Type.ED25519) {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(ed.getPrivate());
                s.update(input);
                return s.sign();
            }
            SHA256Digest sha = new SHA256Digest();
            byte[] hash = new byte[32];
            sha.update(input, 0, input.length);
            sha.doFinal(hash, 0);
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(k1Secret,
                new ECDomainParameters(K1.getCurve(), K1.getG(), K1.getN(), K1.getH())));
            BigInteger[] rs = signer.generateSignature(hash);
            byte[] out = new byte[64];
            fixed32(rs[0], out, 0);
            fixed32(rs[1], out, 32);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fixed32(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** did:key:z + base58btc(varint(codec) || key), codec < 0x4000 so the varint has two bytes. */
    static String didKey(int codec, byte[] key) {
        byte[] all = new byte[key.length + 2];
        all[0] = (byte) ((codec & 0x7f) | 0x80);
        all[1] = (byte) (codec >>> 7);
        System.arraycopy(key, 0, all, 2, key.length);
        return "did:key:z" + base58(all);
    }

    static String base58(byte[] data) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(58));
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }
}
