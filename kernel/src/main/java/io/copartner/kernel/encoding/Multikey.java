package io.copartner.kernel.encoding;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Multikey public keys as did:key and {@code publicKeyMultibase} write them: {@code z} (multibase base58btc)
 * followed by base58btc(unsigned-varint(multicodec) ‖ raw key bytes). Only the encoding; which codecs and key
 * lengths are acceptable is the caller's business.
 */
public final class Multikey {

    /** A decoded multikey: its multicodec code and the raw key bytes after it. */
    public record Decoded(long multicodec, byte[] key) {
        public Decoded {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    private Multikey() {
    }

    public static String encode(long multicodec, byte[] key) {
        if (multicodec < 0) {
            throw new IllegalArgumentException("multicodec codes are unsigned");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = multicodec;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        out.writeBytes(key);
        return "z" + Base58.encode(out.toByteArray());
    }

    /**
     * @throws IllegalArgumentException if it is not {@code z} + base58btc, or the varint is truncated, longer than
     *     63 bits or not minimal
     */
    public static Decoded decode(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("a multikey must be base58btc multibase (starting with 'z')");
        }
        byte[] bytes = Base58.decode(multibase.substring(1));
        long code = 0;
        int shift = 0;
        int i = 0;
        while (true) {
            if (i >= bytes.length || shift > 56) {
                throw new IllegalArgumentException("truncated multicodec varint");
            }
            int b = bytes[i++] & 0xff;
            code |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 1) {
                    throw new IllegalArgumentException("multicodec varint is not minimal");
                }
                break;
            }
            shift += 7;
        }
        return new Decoded(code, Arrays.copyOfRange(bytes, i, bytes.length));
    }
}
