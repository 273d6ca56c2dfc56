package io.copartner.economy.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinned shape of a report: every section present with zeros when no capability provides it, figures placed
 * by their JSON pointer (RFC 6901).
 */
final class ReportShape {

    private ReportShape() {
    }

    static Map<String, Object> skeleton(String periodId, Instant start, Instant end) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("periodId", periodId);
        r.put("start", start.toString());
        r.put("end", end.toString());
        r.put("state", "CLOSED");
        r.put("byAsset", new LinkedHashMap<String, Object>());
        r.put("payouts", new LinkedHashMap<>(Map.of("count", "0", "min", "0", "median", "0", "max", "0",
            "gini", "0.000000")));
        r.put("commissions", new LinkedHashMap<>(Map.of("earned", "0", "clawedBack", "0", "paid", "0")));
        r.put("points", new LinkedHashMap<String, Object>());
        // Per asset: what co-creators accrued, had clawed back and were paid (issue 12 item 4).
        r.put("coCreation", new LinkedHashMap<String, Object>());
        List<Object> dataUse = new ArrayList<>();
        dataUse.add(new LinkedHashMap<>(Map.of("purpose", "revenue-share weights",
            "dataCategories", List.of("purchase amounts of released orders", "referral commissions"), "count", "0")));
        dataUse.add(new LinkedHashMap<>(Map.of("purpose", "referral commissions",
            "dataCategories", List.of("share-link attributions"), "count", "0")));
        dataUse.add(new LinkedHashMap<>(Map.of("purpose", "loyalty points",
            "dataCategories", List.of("purchase amounts", "reviews"), "count", "0")));
        dataUse.add(new LinkedHashMap<>(Map.of("purpose", "recommendations (with consent)",
            "dataCategories", List.of("own purchase history", "co-purchases among consenting partners"),
            "count", "0")));
        r.put("dataUse", dataUse);
        return r;
    }

    /** The figures every report has, whether or not a capability provides them. */
    static List<String> defaultFigures() {
        return List.of("/payouts/count", "/payouts/min", "/payouts/median", "/payouts/max", "/payouts/gini",
            "/commissions/earned", "/commissions/clawedBack", "/commissions/paid", "/dataUse/0/count",
            "/dataUse/1/count", "/dataUse/2/count", "/dataUse/3/count");
    }

    /** Sets {@code value} at {@code pointer}, creating objects on the way (array members must exist). */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, String pointer, String value) {
        String[] parts = pointer.substring(1).split("/");
        Object node = root;
        for (int i = 0; i < parts.length; i++) {
            String key = parts[i].replace("~1", "/").replace("~0", "~");
            boolean last = i == parts.length - 1;
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(key, value);
                } else {
                    node = map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                }
            } else if (node instanceof List<?> l) {
                int index = Integer.parseInt(key);
                if (last) {
                    ((List<Object>) l).set(index, value);
                } else {
                    node = l.get(index);
                }
            } else {
                throw new IllegalArgumentException("no place for " + pointer);
            }
        }
    }

    /** Says what was carried forward: a pool nobody had weight for stays in the pool, never goes to the platform. */
    @SuppressWarnings("unchecked")
    static void addNotes(Map<String, Object> r) {
        List<String> notes = new ArrayList<>();
        ((Map<String, Object>) r.get("byAsset")).forEach((asset, v) -> {
            Object u = ((Map<String, Object>) v).get("undistributed");
            if (u != null && !"0".equals(u)) {
                notes.add(asset + ": " + u + " undistributed (no partner had weight for it) stays in the partner "
                    + "pool and is carried forward to the next period");
            }
        });
        r.put("notes", notes);
    }
}
