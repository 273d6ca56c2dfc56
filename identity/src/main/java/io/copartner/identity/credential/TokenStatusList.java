package io.copartner.identity.credential;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * IETF Token Status List (draft-ietf-oauth-status-list): the {@code status_list} of a {@code statuslist+jwt},
 * {@code {"bits": b, "lst": base64url(ZLIB(DEFLATE(byte array)))}}. Unlike W3C Bitstring Status List, entry 0 is
 * the <em>least</em> significant bit of byte 0 ({@code bits} bits per entry, 1 here: 0 valid, 1 invalid). The
 * platform keeps one bitstring per list (Bitstring Status List order) and publishes it in both forms, so a
 * revocation flips the entry in both at once.
 */
public final class TokenStatusList {

    public static final String TYP = "statuslist+jwt";
    public static final String MEDIA_TYPE = "application/statuslist+jwt";
    /** Status type values of the draft's registry. */
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int SUSPENDED = 2;
    /** Largest decompressed list accepted from anyone (16 MiB), against ZLIB bombs. */
    public static final int MAX_BYTES = BitstringStatusList.MAX_BYTES;

    private TokenStatusList() {
    }

    /** The same one-bit entries in Token Status List order: the bits of each byte reversed. */
    public static byte[] fromBitstring(byte[] bitstringStatusList) {
        byte[] out = new byte[bitstringStatusList.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Integer.reverse(bitstringStatusList[i] & 0xff) >>> 24);
        }
        return out;
    }

    /** {@code lst}: base64url (no padding) of the byte array compressed by DEFLATE in the ZLIB format, best level. */
    public static String encode(byte[] statuses) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(statuses);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** @throws IllegalArgumentException if it is not base64url of ZLIB data, or inflates past {@link #MAX_BYTES} */
    public static byte[] decode(String lst) {
        byte[] zlib;
        try {
            zlib = Base64.getUrlDecoder().decode(lst == null ? "" : lst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lst is not base64url", e);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("lst is truncated ZLIB data");
                }
                if (out.size() + n > MAX_BYTES) {
                    throw new IllegalArgumentException("status list larger than " + MAX_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("lst is not ZLIB (DEFLATE) data", e);
        } finally {
            inflater.end();
        }
    }

    /** The status value of entry {@code idx} with {@code bits} bits per entry (1, 2, 4 or 8). */
    public static int get(byte[] statuses, int bits, long idx) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
        }
        long bit = idx * bits;
        if (idx < 0 || bit / 8 >= statuses.length) {
            throw new IndexOutOfBoundsException("idx " + idx + " outside the status list");
        }
        return (statuses[(int) (bit / 8)] >>> (int) (bit % 8)) & ((1 << bits) - 1);
    }
}
