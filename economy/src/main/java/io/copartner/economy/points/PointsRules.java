package io.copartner.economy.points;

import io.copartner.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The arithmetic of points, free of I/O: rewards round down (a partial point is never issued, so nothing is issued
 * that the rule does not give), spending takes from the lots that expire first, exchanges multiply by the governed
 * rate and round down, and every result is checked for overflow instead of wrapping.
 */
final class PointsRules {

    static final long BPS = 10_000;
    private static final Pattern BRAND = Pattern.compile("[a-z0-9-]{1,64}");

    private PointsRules() {
    }

    /** Points for a settled purchase: ⌊kept × purchaseRewardBps / 10000⌋ (kept in minor units of money). */
    static long purchaseReward(long kept, int purchaseRewardBps) {
        if (kept <= 0 || purchaseRewardBps <= 0) {
            return 0;
        }
        return Math.multiplyExact(kept, (long) purchaseRewardBps) / BPS;
    }

    /** Points of the target brand for {@code amount} points at {@code rateBps}: ⌊amount × rateBps / 10000⌋. */
    static long exchangeReceive(long amount, long rateBps) {
        if (amount <= 0) {
            throw ProblemException.badRequest("amount must be a positive number of points");
        }
        try {
            return Math.multiplyExact(amount, rateBps) / BPS;
        } catch (ArithmeticException tooLarge) {
            throw ProblemException.badRequest("amount is too large to exchange");
        }
    }

    /**
     * How many of {@code asked} points a checkout redemption takes: the discount (points × minorPerPoint) is capped at
     * {@code maxShareBps} of the brand's lines and at the merchant's part of them (the brand funds the discount, so
     * its settlement never goes below zero), and only whole points' worth is taken.
     */
    static long redeemable(long asked, long linesTotal, long merchantPart, int maxShareBps, long minorPerPoint) {
        long share = java.math.BigInteger.valueOf(linesTotal).multiply(java.math.BigInteger.valueOf(maxShareBps))
            .divide(java.math.BigInteger.valueOf(BPS)).longValueExact();
        long cap = Math.max(0, Math.min(share, merchantPart));
        return Math.min(asked, cap / minorPerPoint);
    }

    /** One lot's new remainder after a spend. */
    record Take(int index, long taken, long remaining) {
    }

    /**
     * What a spend of {@code amount} takes from each open lot, oldest expiry first ({@code remaining} listed in that
     * order); {@code insufficient-funds} when they hold less.
     */
    static List<Take> takeFifo(List<Long> remaining, long amount) {
        List<Take> takes = new ArrayList<>();
        long left = amount;
        for (int i = 0; i < remaining.size() && left > 0; i++) {
            long t = Math.min(left, remaining.get(i));
            if (t > 0) {
                takes.add(new Take(i, t, remaining.get(i) - t));
                left -= t;
            }
        }
        if (left > 0) {
            throw ProblemException.insufficientFunds("only " + (amount - left) + " points are available, "
                + amount + " asked");
        }
        return takes;
    }

    /** A brand code (a merchant id): the points asset {@code PTS:<brand>}. */
    static String brand(String text) {
        if (text == null || !BRAND.matcher(text).matches()) {
            throw ProblemException.badRequest("a brand is a merchant id: 1..64 of a-z 0-9 -");
        }
        return text;
    }

    /** The tier schedule {@code NAME:minLifetime,...} as a sorted map; BRONZE:0 when empty. */
    static TreeMap<Long, String> tiers(String schedule) {
        TreeMap<Long, String> tiers = new TreeMap<>();
        tiers.put(0L, "BRONZE");
        if (schedule == null || schedule.isBlank()) {
            return tiers;
        }
        tiers.clear();
        for (String part : schedule.split(",")) {
            String[] nameMin = part.trim().split(":");
            if (nameMin.length != 2) {
                throw new IllegalArgumentException("tier schedule entry '" + part + "' is not NAME:minLifetime");
            }
            tiers.put(Long.parseLong(nameMin[1].trim()), nameMin[0].trim());
        }
        if (!tiers.containsKey(0L)) {
            throw new IllegalArgumentException("the tier schedule needs a tier from 0 lifetime points");
        }
        return tiers;
    }

    static String tier(Map<Long, String> tiers, long lifetime) {
        return ((TreeMap<Long, String>) tiers).floorEntry(Math.max(0, lifetime)).getValue();
    }
}
