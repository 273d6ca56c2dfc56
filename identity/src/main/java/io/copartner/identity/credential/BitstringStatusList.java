package io.copartner.identity.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0: a bitstring of at least 131,072 entries (16 KiB), index 0 being the most
 * significant bit of the first byte, published as {@code encodedList} = multibase base64url-no-pad ({@code u})
 * of the GZIP-compressed bitstring.
 */
public final class BitstringStatusList {

    /** The spec's minimum length, for herd privacy. */
    public static final int MIN_BITS = 131_072;
    /** Largest decompressed list we accept from anyone (16 MiB), against GZIP bombs. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private BitstringStatusList() {
    }

    public static byte[] empty(int bits) {
        if (bits < MIN_BITS || bits % 8 != 0) {
            throw new IllegalArgumentException("a status list has at least " + MIN_BITS + " bits, a multiple of 8");
        }
        return new byte[bits / 8];
    }

    public static boolean get(byte[] bitstring, int index) {
        check(bitstring, index);
        return (bitstring[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    public static void set(byte[] bitstring, int index, boolean value) {
        check(bitstring, index);
        if (value) {
            bitstring[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        } else {
            bitstring[index >>> 3] &= (byte) ~(0x80 >>> (index & 7));
        }
    }

    public static String encode(byte[] bitstring) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bitstring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Decodes an {@code encodedList}; the multibase {@code u} prefix is required, as v1.0 specifies. */
    public static byte[] decode(String encodedList) {
        if (encodedList == null || encodedList.length() < 2 || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList must be multibase base64url (prefix 'u')");
        }
        byte[] gz;
        try {
            gz = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url", e);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new IllegalArgumentException("status list larger than " + MAX_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            byte[] bits = out.toByteArray();
            if (bits.length * 8L < MIN_BITS) {
                throw new IllegalArgumentException("status list shorter than " + MIN_BITS + " bits");
            }
            return bits;
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
    }

    private static void check(byte[] bitstring, int index) {
        if (index < 0 || index >= bitstring.length * 8) {
            throw new IndexOutOfBoundsException("status index " + index + " outside the list");
        }
    }
}
