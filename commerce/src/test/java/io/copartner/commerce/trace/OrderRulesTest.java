package io.copartner.commerce.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    static final Epc ITEM = Epc.item("04012345999990", "A1");
    static final Epc SSCC = Epc.parse("https://id.gs1.org/00/106141412345678908").orElseThrow();
    static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    static EpcisEvent event(String type, String action, String bizStep, Instant at) {
        return new EpcisEvent(0, type, action, bizStep, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)), Map.of(),
            EpcisDocument.JSON.createObjectNode(), "{}");
    }

    static SubjectState seen(Instant latest, boolean decommissioned) {
        return new SubjectState(ITEM.key(), Epc.Kind.ITEM, UUID.randomUUID(), true, decommissioned, latest, null);
    }

    @Test
    void anItemIsCommissionedFirstAndOnlyOnce() {
        assertTrue(OrderRules.check(ITEM, "epcList", null, event("ObjectEvent", "ADD", "commissioning", T)).isEmpty());
        assertTrue(OrderRules.check(ITEM, "epcList", null,
            event("ObjectEvent", "ADD", "urn:epcglobal:cbv:bizstep:commissioning", T)).isEmpty());
        assertTrue(OrderRules.check(ITEM, "epcList", null, event("ObjectEvent", "OBSERVE", "shipping", T)).isPresent());
        assertTrue(OrderRules.check(ITEM, "childEPCs", null, event("AggregationEvent", "ADD", "packing", T)).isPresent());
        assertTrue(OrderRules.check(ITEM, "epcList", seen(T, false), event("ObjectEvent", "ADD", "commissioning", T))
            .orElseThrow().contains("already commissioned"));
        // Outputs of a commissioning transformation come into being with it.
        assertTrue(OrderRules.check(ITEM, "outputEPCList", null,
            event("TransformationEvent", null, "https://ref.gs1.org/cbv/BizStep-commissioning", T)).isEmpty());
    }

    @Test
    void nothingFollowsDecommissioning() {
        assertTrue(OrderRules.check(ITEM, "epcList", seen(T, true), event("ObjectEvent", "OBSERVE", "shipping",
            T.plusSeconds(60))).orElseThrow().contains("decommissioned"));
    }

    @Test
    void timeNeverGoesBackButEqualTimesAreFine() {
        assertTrue(OrderRules.check(ITEM, "epcList", seen(T, false), event("ObjectEvent", "OBSERVE", "shipping", T)).isEmpty());
        assertTrue(OrderRules.check(ITEM, "epcList", seen(T, false),
            event("ObjectEvent", "OBSERVE", "shipping", T.minusMillis(1))).isPresent());
    }

    @Test
    void atMostFiveMinutesAhead() {
        assertTrue(OrderRules.time(event("ObjectEvent", "OBSERVE", "x", T.plusSeconds(300)), T).isEmpty());
        assertTrue(OrderRules.time(event("ObjectEvent", "OBSERVE", "x", T.plusSeconds(301)), T).isPresent());
    }

    @Test
    void aLogisticUnitExistsOnceAnAggregationAddNamesItAsParent() {
        assertTrue(OrderRules.check(SSCC, "parentID", null, event("AggregationEvent", "ADD", "packing", T)).isEmpty());
        assertTrue(OrderRules.check(SSCC, "epcList", null, event("ObjectEvent", "OBSERVE", "shipping", T)).isPresent());
        assertTrue(OrderRules.check(SSCC, "parentID", null, event("AggregationEvent", "DELETE", "unpacking", T)).isPresent());
        SubjectState unit = new SubjectState(SSCC.key(), Epc.Kind.SSCC, null, false, false, T, null);
        assertEquals(List.of(), OrderRules.check(SSCC, "epcList", unit, event("ObjectEvent", "OBSERVE", "shipping", T))
            .stream().toList());
    }
}
