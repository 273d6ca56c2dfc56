package io.copartner.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/** Test-side Ed25519 keys and C2SP note signing (written independently of the verifier's code). */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw 32-byte key = the last 32 bytes of the 44-byte SubjectPublicKeyInfo. */
    static byte[] raw(KeyPair kp) {
        byte[] spki = kp.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    static byte[] keyId(String name, byte[] raw) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x0a);
            md.update((byte) 0x01);
            md.update(raw);
            return Arrays.copyOf(md.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(KeyPair kp, byte[] msg) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(kp.getPrivate());
            s.update(msg);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signature line "— name base64(keyId ‖ sig)\n" over {@code body}. */
    static String signatureLine(String body, String name, KeyPair kp) {
        byte[] sig = sign(kp, body.getBytes(StandardCharsets.UTF_8));
        byte[] blob = new byte[4 + sig.length];
        System.arraycopy(keyId(name, raw(kp)), 0, blob, 0, 4);
        System.arraycopy(sig, 0, blob, 4, sig.length);
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    static String checkpointBody(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    static String signedNote(String body, String name, KeyPair kp) {
        return body + "\n" + signatureLine(body, name, kp);
    }

    static String base58(byte[] in) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        java.math.BigInteger n = new java.math.BigInteger(1, in);
        StringBuilder sb = new StringBuilder();
        java.math.BigInteger b58 = java.math.BigInteger.valueOf(58);
        while (n.signum() > 0) {
            java.math.BigInteger[] qr = n.divideAndRemainder(b58);
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < in.length && in[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }
}
