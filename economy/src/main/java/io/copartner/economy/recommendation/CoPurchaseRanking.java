package io.copartner.economy.recommendation;

import io.copartner.economy.recommendation.RecommendationStore.CoPurchase;
import io.copartner.economy.recommendation.RecommendationStore.Purchase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ranks co-purchased products: by how many distinct other partners bought the candidate together with any of the
 * viewer's products, the reason being the viewer's product most shared with it (ties: the one bought most recently).
 * Candidates with fewer than {@code minCoBuyers} such partners are dropped, so a list never reveals what one
 * other person bought.
 */
final class CoPurchaseRanking {

    private CoPurchaseRanking() {
    }

    record Pick(UUID candidate, UUID because, int coBuyers) {
    }

    static List<Pick> rank(List<Purchase> mine, List<CoPurchase> perVia, List<CoPurchase> perCandidate,
                           int minCoBuyers) {
        Map<UUID, Integer> recency = new HashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            recency.put(mine.get(i).productId(), i); // mine is newest first
        }
        Map<UUID, CoPurchase> best = new HashMap<>();
        for (CoPurchase c : perVia) {
            best.merge(c.candidate(), c, (a, b) -> better(a, b, recency) ? a : b);
        }
        List<Pick> picks = new ArrayList<>();
        for (CoPurchase total : perCandidate) {
            CoPurchase because = best.get(total.candidate());
            if (because != null && total.coBuyers() >= minCoBuyers) {
                picks.add(new Pick(total.candidate(), because.via(), total.coBuyers()));
            }
        }
        picks.sort(Comparator.comparingInt(Pick::coBuyers).reversed().thenComparing(Pick::candidate));
        return picks;
    }

    private static boolean better(CoPurchase a, CoPurchase b, Map<UUID, Integer> recency) {
        if (a.coBuyers() != b.coBuyers()) {
            return a.coBuyers() > b.coBuyers();
        }
        int ra = recency.getOrDefault(a.via(), Integer.MAX_VALUE);
        int rb = recency.getOrDefault(b.via(), Integer.MAX_VALUE);
        return ra != rb ? ra < rb : a.via().compareTo(b.via()) <= 0;
    }
}
