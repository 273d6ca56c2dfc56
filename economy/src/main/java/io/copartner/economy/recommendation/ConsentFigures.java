package io.copartner.economy.recommendation;

import io.copartner.economy.api.PeriodFigures;
import io.copartner.economy.api.Recommendations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's data-use count for recommendations ({@code /dataUse/3/count}): the partners whose purchase history
 * was in a profile at some moment of the period, i.e. consent in force at its start or given during it. The proof
 * is, per such partner, the consent entry in force at the start (if it was a grant) and every change in the period;
 * a reader counts the distinct parties among the cited {@code economy.consent} entries that have a grant.
 */
@ApplicationScoped
public class ConsentFigures implements PeriodFigures {

    static final String POINTER = "/dataUse/3/count";

    @Inject
    RecommendationStore store;

    @Override
    @Transactional
    public Map<String, Figure> figures(Instant start, Instant end) {
        Map<String, RecommendationStore.Change> atStart = new HashMap<>();
        Map<String, List<RecommendationStore.Change>> during = new LinkedHashMap<>();
        for (RecommendationStore.Change c : store.changesBefore(Recommendations.RECOMMENDATIONS, end)) {
            if (c.at().isBefore(start)) {
                atStart.put(c.party(), c);
            } else {
                during.computeIfAbsent(c.party(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Long> proof = new ArrayList<>();
        int count = 0;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        atStart.forEach((party, c) -> {
            if (c.granted()) {
                seen.put(party, true);
            }
        });
        during.forEach((party, changes) -> {
            if (changes.stream().anyMatch(RecommendationStore.Change::granted)) {
                seen.put(party, true);
            }
        });
        for (String party : seen.keySet()) {
            RecommendationStore.Change first = atStart.get(party);
            if (first != null && first.granted()) {
                proof.add(first.auditEntryId());
            }
            during.getOrDefault(party, List.of()).forEach(c -> proof.add(c.auditEntryId()));
            count++;
        }
        return Map.of(POINTER, new Figure(Integer.toString(count), proof));
    }
}
