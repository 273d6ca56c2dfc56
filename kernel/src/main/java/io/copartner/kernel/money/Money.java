package io.copartner.kernel.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of an {@link Asset} in minor units (cents, fen, whole points).
 *
 * <p>Why a {@code long}: value must never be rounded silently, so there is no floating point here;
 * every operation is exact or fails ({@link ArithmeticException} on overflow,
 * {@link AssetMismatchException} when assets differ).
 */
public record Money(Asset asset, long minor) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public Money {
        Objects.requireNonNull(asset, "asset must not be null");
    }

    public static Money zero(Asset asset) {
        return new Money(asset, 0L);
    }

    public static Money of(Asset asset, long minor) {
        return new Money(asset, minor);
    }

    public static Money of(String asset, long minor) {
        return new Money(Asset.of(asset), minor);
    }

    /**
     * Parses a plain decimal amount ({@code "12.34"}, {@code "-0.5"}, {@code "500"}) in major units.
     * No exponent, no sign other than a leading '-', no grouping; more fractional digits than the asset
     * has are refused rather than rounded.
     */
    public static Money parse(String asset, String decimal) {
        return parse(Asset.of(asset), decimal);
    }

    public static Money parse(Asset asset, String decimal) {
        Objects.requireNonNull(asset, "asset must not be null");
        Objects.requireNonNull(decimal, "amount must not be null");
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("invalid amount '" + decimal + "': expected digits with an optional '.' part");
        }
        BigDecimal value = new BigDecimal(decimal);
        int digits = asset.minorDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException("amount '" + decimal + "' has more than " + digits
                    + " fractional digit(s) allowed for " + asset);
        }
        try {
            return new Money(asset, value.movePointRight(digits).longValueExact());
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount '" + decimal + "' " + asset + " does not fit in a long of minor units");
        }
    }

    /** Parses the {@link #toString()} form, e.g. {@code "CNY 12.34"} or {@code "PTS:acme 500"}. */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        int space = text.indexOf(' ');
        if (space < 0 || space != text.lastIndexOf(' ')) {
            throw new IllegalArgumentException("invalid money '" + text + "': expected '<asset> <amount>'");
        }
        return parse(text.substring(0, space), text.substring(space + 1));
    }

    public Money plus(Money other) {
        requireSameAsset(other);
        return new Money(asset, Math.addExact(minor, other.minor));
    }

    public Money minus(Money other) {
        requireSameAsset(other);
        return new Money(asset, Math.subtractExact(minor, other.minor));
    }

    public Money negate() {
        return new Money(asset, Math.negateExact(minor));
    }

    public Money abs() {
        return minor < 0 ? negate() : this;
    }

    public Money times(long factor) {
        return new Money(asset, Math.multiplyExact(minor, factor));
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isSameAsset(Money other) {
        return asset.equals(other.asset);
    }

    /** Orders amounts of the same asset; comparing different assets is refused, not guessed. */
    @Override
    public int compareTo(Money other) {
        requireSameAsset(other);
        return Long.compare(minor, other.minor);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The amount in major units as a plain decimal, e.g. {@code "12.34"}, {@code "-0.05"}, {@code "500"}. */
    public String toDecimalString() {
        // BigDecimal from the unscaled long is exact; it is only used to place the decimal point.
        return BigDecimal.valueOf(minor, asset.minorDigits()).toPlainString();
    }

    /** E.g. {@code "CNY 12.34"} or {@code "PTS:acme 500"}; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return asset.code() + " " + toDecimalString();
    }

    private void requireSameAsset(Money other) {
        Objects.requireNonNull(other, "other amount must not be null");
        if (!asset.equals(other.asset)) {
            throw new AssetMismatchException(asset, other.asset);
        }
    }
}
