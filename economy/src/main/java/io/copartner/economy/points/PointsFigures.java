package io.copartner.economy.points;

import io.copartner.economy.api.PeriodFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points figures of a period's report: per brand {@code issued} (earned), {@code redeemed}, {@code expired} and
 * {@code exchanged} (points of the brand given up in exchanges), and {@code restored} (redeemed points given back by
 * a refund or cancellation), each the sum of its movements, proved by the ledger
 * entries of those movements (each entry carries its audit receipt).
 */
@ApplicationScoped
public class PointsFigures implements PeriodFigures {

    @Inject
    PointsStore store;

    @Override
    @Transactional
    public Map<String, Figure> figures(Instant start, Instant end) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, List<Long>> proofs = new TreeMap<>();
        for (PointsStore.FigureRow r : store.movementsBetween(start, end)) {
            String figure = switch (r.kind()) {
                case "EARN" -> "issued";
                case "REDEEM" -> "redeemed";
                case "RESTORE" -> "restored";
                case "EXPIRE" -> "expired";
                case "EXCHANGE_OUT" -> "exchanged";
                default -> null;
            };
            if (figure == null) {
                continue;
            }
            String pointer = "/points/" + r.brand() + "/" + figure;
            sums.computeIfAbsent(pointer, k -> new long[1])[0] += Math.abs(r.amount());
            proofs.computeIfAbsent(pointer, k -> new ArrayList<>()).add(r.auditEntryId());
        }
        Map<String, Figure> out = new TreeMap<>();
        sums.forEach((pointer, sum) -> out.put(pointer, new Figure(Long.toString(sum[0]), proofs.get(pointer))));
        return out;
    }
}
