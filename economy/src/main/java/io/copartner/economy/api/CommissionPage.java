package io.copartner.economy.api;

import java.util.List;
import java.util.Map;

/**
 * A page of the caller's commissions (newest first) and the caller's totals per asset over all of them:
 * {@code pending}, {@code withheld}, {@code earned}, {@code clawedBack}, {@code paid}, {@code payable} (earned − paid),
 * {@code debt} (clawbacks after payout not yet recovered).
 */
public record CommissionPage(List<CommissionView> items, String next, Map<String, Map<String, Long>> totals) {
}
