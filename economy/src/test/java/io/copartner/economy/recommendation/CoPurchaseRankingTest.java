package io.copartner.economy.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copartner.economy.recommendation.CoPurchaseRanking.Pick;
import io.copartner.economy.recommendation.RecommendationStore.CoPurchase;
import io.copartner.economy.recommendation.RecommendationStore.Purchase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoPurchaseRankingTest {

    static final UUID TEAPOT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID KETTLE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID TEA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CUPS = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID HONEY = UUID.fromString("00000000-0000-0000-0000-000000000003");

    // Newest first, as the store returns them: the kettle was bought after the teapot.
    static final List<Purchase> MINE = List.of(new Purchase(KETTLE, "m", 1, Instant.parse("2026-12-02T00:00:00Z")),
        new Purchase(TEAPOT, "m", 1, Instant.parse("2026-12-01T00:00:00Z")));

    @Test
    void ranksByDistinctCoBuyersAndNamesTheMostSharedOwnProduct() {
        List<Pick> picks = CoPurchaseRanking.rank(MINE,
            List.of(new CoPurchase(TEA, TEAPOT, 3), new CoPurchase(TEA, KETTLE, 1), new CoPurchase(CUPS, KETTLE, 2),
                new CoPurchase(CUPS, TEAPOT, 2)),
            List.of(new CoPurchase(TEA, null, 3), new CoPurchase(CUPS, null, 4)), 2);
        // Cups: 4 distinct co-buyers over both own products, ahead of the tea's 3.
        assertEquals(List.of(new Pick(CUPS, KETTLE, 4), new Pick(TEA, TEAPOT, 3)), picks,
            "ties on the reason go to the product bought most recently (the kettle)");
    }

    @Test
    void dropsCandidatesBelowTheMinimumSoNoSinglePurchaseIsRevealed() {
        List<Pick> picks = CoPurchaseRanking.rank(MINE,
            List.of(new CoPurchase(HONEY, TEAPOT, 1), new CoPurchase(TEA, TEAPOT, 2)),
            List.of(new CoPurchase(HONEY, null, 1), new CoPurchase(TEA, null, 2)), 2);
        assertEquals(List.of(new Pick(TEA, TEAPOT, 2)), picks);
        assertEquals(List.of(), CoPurchaseRanking.rank(MINE, List.of(), List.of(), 2), "no peers, no picks");
    }

    @Test
    void equalScoresAreOrderedByProductIdSoTheListIsStable() {
        List<Pick> picks = CoPurchaseRanking.rank(MINE,
            List.of(new CoPurchase(CUPS, TEAPOT, 2), new CoPurchase(TEA, TEAPOT, 2)),
            List.of(new CoPurchase(CUPS, null, 2), new CoPurchase(TEA, null, 2)), 2);
        assertEquals(List.of(TEA, CUPS), picks.stream().map(Pick::candidate).toList());
    }
}
