package io.copartner.verifier;

import java.util.HexFormat;

/** Lower-case hex helpers; accepts an optional {@code 0x} prefix and either case on input. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] decode(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("missing hex value");
        }
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        try {
            return HEX.parseHex(h.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: " + abbreviate(hex), e);
        }
    }

    /** Decodes a 32-byte hash given as hex. */
    static byte[] hash32(String hex) {
        byte[] b = decode(hex);
        if (b.length != 32) {
            throw new IllegalArgumentException("expected a 32-byte hash, got " + b.length + " bytes: " + abbreviate(hex));
        }
        return b;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
