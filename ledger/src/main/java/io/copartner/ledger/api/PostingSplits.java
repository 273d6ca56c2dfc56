package io.copartner.ledger.api;

import io.copartner.kernel.money.Money;
import io.copartner.kernel.money.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the lines of a distribution: {@code total} leaves one account and is divided among others by weight with
 * {@link Splits#largestRemainder(Money, List) largest-remainder rounding}, so the lines always balance exactly.
 */
public final class PostingSplits {

    private PostingSplits() {
    }

    /**
     * @param from    the account paying {@code total}
     * @param total   a positive amount
     * @param to      the receiving accounts, distinct from {@code from}
     * @param weights one non-negative weight per receiving account, at least one positive
     * @return the debit of {@code from} followed by one credit per receiving account with a non-zero part
     */
    public static List<PostingLine> distribute(UUID from, Money total, List<UUID> to, List<Long> weights) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(to, "to");
        if (!total.isPositive()) {
            throw new IllegalArgumentException("total must be positive but was " + total);
        }
        if (to.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per receiving account: " + to.size() + " accounts, "
                + weights.size() + " weights");
        }
        List<Money> parts = Splits.largestRemainder(total, weights);
        List<PostingLine> lines = new ArrayList<>(to.size() + 1);
        lines.add(new PostingLine(from, total.asset().code(), -total.minor()));
        for (int i = 0; i < to.size(); i++) {
            if (!parts.get(i).isZero()) {
                lines.add(new PostingLine(Objects.requireNonNull(to.get(i), "to"), total.asset().code(), parts.get(i).minor()));
            }
        }
        return List.copyOf(lines);
    }
}
