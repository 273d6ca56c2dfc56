package io.copartner.commerce.trace;

import io.copartner.commerce.domain.Gtin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EPC the traceability rules understand: a serialised item (GTIN + serial), a batch (GTIN + lot, class level) or
 * a logistic unit (SSCC). Accepted as GS1 Digital Link URIs (any host, canonicalised to {@code https://id.gs1.org})
 * or EPC URNs ({@code urn:epc:id:sgtin}, {@code urn:epc:class:lgtin}, {@code urn:epc:id:sscc}); {@link #key()} is the
 * one canonical spelling every table and comparison uses.
 */
public record Epc(Kind kind, String gtin, String ref) {

    public enum Kind { ITEM, BATCH, SSCC }

    public static final String GS1 = "https://id.gs1.org";

    private static final Pattern DL = Pattern.compile(
        "https?://[^/?#]+(?:/[^?#]*)?/(01|00)/([0-9]{8,18})(?:/(21|10)/([^/?#]+))?/?(?:[?#].*)?");
    private static final Pattern SGTIN = Pattern.compile("urn:epc:(id:sgtin|class:lgtin):([0-9]+)\\.([0-9]+)\\.(.+)");
    private static final Pattern SSCC_URN = Pattern.compile("urn:epc:id:sscc:([0-9]+)\\.([0-9]+)");

    /** The EPC if it is an item, batch or SSCC in one of the accepted spellings; empty for anything else. */
    public static Optional<Epc> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            Matcher m = DL.matcher(uri.trim());
            if (m.matches()) {
                if (m.group(1).equals("00")) {
                    return m.group(3) == null && m.group(2).length() == 18 && checks(m.group(2))
                        ? Optional.of(new Epc(Kind.SSCC, null, m.group(2))) : Optional.empty();
                }
                if (m.group(3) == null || m.group(2).length() > 14) {
                    return Optional.empty();
                }
                String gtin = new Gtin("0".repeat(14 - m.group(2).length()) + m.group(2)).value();
                return Optional.of(new Epc(m.group(3).equals("21") ? Kind.ITEM : Kind.BATCH, gtin, decode(m.group(4))));
            }
            m = SGTIN.matcher(uri.trim());
            if (m.matches() && m.group(2).length() + m.group(3).length() == 13) {
                String first13 = m.group(3).charAt(0) + m.group(2) + m.group(3).substring(1);
                String gtin = first13 + Gtin.checkDigit(first13);
                return Optional.of(new Epc(m.group(1).startsWith("id") ? Kind.ITEM : Kind.BATCH, gtin, decode(m.group(4))));
            }
            m = SSCC_URN.matcher(uri.trim());
            if (m.matches() && m.group(1).length() + m.group(2).length() == 17) {
                String first17 = m.group(2).charAt(0) + m.group(1) + m.group(2).substring(1);
                return Optional.of(new Epc(Kind.SSCC, null, first17 + Gtin.checkDigit(first17)));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Epc item(String gtin14, String serial) {
        return new Epc(Kind.ITEM, gtin14, serial);
    }

    public static Epc batch(String gtin14, String lot) {
        return new Epc(Kind.BATCH, gtin14, lot);
    }

    /** The canonical GS1 Digital Link on id.gs1.org. */
    public String key() {
        return GS1 + path();
    }

    /** {@code /01/<gtin>/21/<serial>}, {@code /01/<gtin>/10/<lot>} or {@code /00/<sscc>}, percent-encoded per GS1 DL. */
    public String path() {
        return switch (kind) {
            case ITEM -> "/01/" + gtin + "/21/" + encode(ref);
            case BATCH -> "/01/" + gtin + "/10/" + encode(ref);
            case SSCC -> "/00/" + ref;
        };
    }

    private static boolean checks(String digits) {
        return Gtin.checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** GS1 Digital Link 1.2: characters outside the unreserved set are percent-encoded (upper-case hex). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static String decode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        String s = out.toString(StandardCharsets.UTF_8);
        if (s.isEmpty() || s.length() > 20) {
            throw new IllegalArgumentException("a GS1 serial or lot is 1 to 20 characters");
        }
        return s;
    }
}
