package io.copartner.kernel.money;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The unit a {@link Money} amount is counted in: an ISO 4217 currency ({@code CNY}, {@code USD}) or a
 * brand's loyalty points ({@code PTS:acme}).
 *
 * <p>Only the code is stored; the number of minor digits is derived from it, so two assets are equal
 * exactly when their codes are equal and there is no way to build an asset with a wrong scale.
 */
public record Asset(String code) {

    /** Prefix of points assets; points are always whole units (scale 0). */
    public static final String POINTS_PREFIX = "PTS:";

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern BRAND = Pattern.compile("[a-z0-9-]{1,64}");

    public Asset {
        Objects.requireNonNull(code, "asset code must not be null");
        if (code.startsWith(POINTS_PREFIX)) {
            String brand = code.substring(POINTS_PREFIX.length());
            if (!BRAND.matcher(brand).matches()) {
                throw new IllegalArgumentException("invalid points asset '" + code
                        + "': brand must be 1..64 chars of lowercase letters, digits or '-'");
            }
        } else {
            if (!ISO_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("invalid asset code '" + code
                        + "': expected an ISO 4217 currency code (e.g. CNY) or PTS:<brand>");
            }
            currencyDigits(code); // validates the code is a known currency with a decimal scale
        }
    }

    /** Parses an asset code; throws {@link IllegalArgumentException} if it is neither ISO 4217 nor points. */
    public static Asset of(String code) {
        return new Asset(code);
    }

    /** The points asset of a brand, i.e. {@code PTS:<brand>}. */
    public static Asset points(String brand) {
        Objects.requireNonNull(brand, "brand must not be null");
        return new Asset(POINTS_PREFIX + brand);
    }

    public boolean isPoints() {
        return code.startsWith(POINTS_PREFIX);
    }

    /** The brand of a points asset; throws {@link IllegalStateException} for a currency. */
    public String brand() {
        if (!isPoints()) {
            throw new IllegalStateException(code + " is a currency, not a points asset");
        }
        return code.substring(POINTS_PREFIX.length());
    }

    /** Digits after the decimal point of one major unit: 2 for CNY, 0 for JPY and points, 3 for KWD. */
    public int minorDigits() {
        return isPoints() ? 0 : currencyDigits(code);
    }

    private static int currencyDigits(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code '" + code + "'", e);
        }
        int digits = currency.getDefaultFractionDigits();
        // Codes such as XAU or XXX have no minor unit (-1): they are not money we can count in long minor units.
        if (digits < 0) {
            throw new IllegalArgumentException("ISO 4217 code '" + code + "' has no minor unit and cannot be used");
        }
        return digits;
    }

    @Override
    public String toString() {
        return code;
    }
}
