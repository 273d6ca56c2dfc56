package io.copartner.ledger.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.money.Money;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostingSplitsTest {

    final UUID pool = UUID.randomUUID();
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();

    @Test
    void aDistributionBalancesExactlyWithLargestRemainder() {
        List<PostingLine> lines = PostingSplits.distribute(pool, Money.of("CNY", 100), List.of(a, b, c), List.of(1L, 1L, 1L));
        assertEquals(List.of(new PostingLine(pool, "CNY", -100), new PostingLine(a, "CNY", 34),
            new PostingLine(b, "CNY", 33), new PostingLine(c, "CNY", 33)), lines);
        assertEquals(0, lines.stream().mapToLong(PostingLine::amount).sum());
    }

    @Test
    void zeroPartsAreLeftOutBecausePostingsAreNeverZero() {
        List<PostingLine> lines = PostingSplits.distribute(pool, Money.of("PTS:acme", 2), List.of(a, b, c), List.of(1L, 1L, 1L));
        assertEquals(3, lines.size());
        assertEquals(0, lines.stream().mapToLong(PostingLine::amount).sum());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> PostingSplits.distribute(pool, Money.of("CNY", 0), List.of(a), List.of(1L)));
        assertThrows(IllegalArgumentException.class,
            () -> PostingSplits.distribute(pool, Money.of("CNY", 5), List.of(a, b), List.of(1L)));
    }
}
