package io.copartner.economy.report;

import io.copartner.kernel.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's RFC 8785 canonical JSON written straight to a stream: the skeleton (figures, proofs naming a set of
 * cited entries by number) goes through {@link CanonicalJson#writeSimple}, and each proof's set is spliced in as an
 * array of integers (already canonical: digits and commas). A period of 10^6 partners cites 10^6 entries in several
 * figures; they are never one String or a tree of boxed numbers.
 */
final class ReportCanonical {

    /** The sets of cited numbers (entry ids or leaf indexes) by set number. */
    interface Sets {
        long[] get(int setNo);
    }

    /** NUL never occurs in a figure, pointer, asset or note, so its escape marks a set's place in the output. */
    private static final String MARK = "\u0000";
    private static final String MARK_OUT = "\"\\u0000";

    private ReportCanonical() {
    }

    /** Writes {@code skeleton} with each proof's {@code "set": k} replaced by {@code key: [numbers of set k]}. */
    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> skeleton, String key, Sets sets, OutputStream out) throws IOException {
        Map<String, Object> marked = new LinkedHashMap<>(skeleton);
        List<Map<String, Object>> proofs = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) skeleton.get("proofs")) {
            Map<String, Object> m = new LinkedHashMap<>(p);
            m.put(key, MARK + ((Number) m.remove("set")).intValue());
            proofs.add(m);
        }
        marked.put("proofs", proofs);
        String text = CanonicalJson.writeSimple(marked)
            .orElseThrow(() -> new IllegalStateException("a report holds only strings, integers, lists and maps"));
        int from = 0;
        int spliced = 0;
        byte[] buffer = new byte[8192];
        for (int at = text.indexOf(MARK_OUT); at >= 0; at = text.indexOf(MARK_OUT, from)) {
            out.write(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            int end = text.indexOf('"', at + MARK_OUT.length());
            int setNo = Integer.parseInt(text.substring(at + MARK_OUT.length(), end));
            writeArray(sets.get(setNo), out, buffer);
            spliced++;
            from = end + 1;
        }
        out.write(text.substring(from).getBytes(StandardCharsets.UTF_8));
        if (spliced != proofs.size()) {
            throw new IllegalStateException("a report's text held " + spliced + " set marks for " + proofs.size()
                + " proofs");
        }
    }

    /** The canonical bytes, in an array of exactly their length (measured first, so no growing copies). */
    static byte[] bytes(Map<String, Object> skeleton, String key, Sets sets) {
        try {
            Counting counting = new Counting();
            write(skeleton, key, sets, counting);
            if (counting.count > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a report of " + counting.count + " bytes");
            }
            Exact exact = new Exact((int) counting.count);
            write(skeleton, key, sets, exact);
            return exact.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sha256(Map<String, Object> skeleton, String key, Sets sets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                write(skeleton, key, sets, out);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeArray(long[] numbers, OutputStream out, byte[] buffer) throws IOException {
        int n = 0;
        buffer[n++] = '[';
        for (int i = 0; i < numbers.length; i++) {
            if (n > buffer.length - 24) {
                out.write(buffer, 0, n);
                n = 0;
            }
            if (i > 0) {
                buffer[n++] = ',';
            }
            n = digits(numbers[i], buffer, n);
        }
        buffer[n++] = ']';
        out.write(buffer, 0, n);
    }

    /** Plain decimal digits of a non-negative integer (ids and indexes are; JCS prints them so below 2^53). */
    private static int digits(long v, byte[] buffer, int at) {
        if (v < 0 || v > (1L << 53)) {
            throw new IllegalArgumentException("not a cited entry id or index: " + v);
        }
        int len = 1;
        for (long t = v; t >= 10; t /= 10) {
            len++;
        }
        for (int i = at + len - 1; i >= at; i--) {
            buffer[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return at + len;
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Its buffer is the result once exactly {@code size} bytes were written (no copy at the end). */
    private static final class Exact extends ByteArrayOutputStream {
        private final int size;

        Exact(int size) {
            super(size);
            this.size = size;
        }

        byte[] array() {
            if (count != size) {
                throw new IllegalStateException("wrote " + count + " of " + size + " bytes");
            }
            return buf;
        }
    }
}
