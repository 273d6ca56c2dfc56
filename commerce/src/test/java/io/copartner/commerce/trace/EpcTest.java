package io.copartner.commerce.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpcTest {

    @Test
    void digitalLinksOfItemsBatchesAndLogisticUnitsOnAnyHostAreCanonical() {
        Epc item = Epc.parse("https://id.gs1.org/01/04012345999990/21/XYZ-1234").orElseThrow();
        assertEquals(Epc.Kind.ITEM, item.kind());
        assertEquals("https://id.gs1.org/01/04012345999990/21/XYZ-1234", item.key());
        assertEquals(item, Epc.parse("https://id.gs1.de/shop/01/4012345999990/21/XYZ-1234?linkType=all").orElseThrow());
        Epc batch = Epc.parse("https://id.gs1.org/01/04012345999990/10/L%2F7").orElseThrow();
        assertEquals(Epc.Kind.BATCH, batch.kind());
        assertEquals("L/7", batch.ref());
        assertEquals("/01/04012345999990/10/L%2F7", batch.path());
        Epc sscc = Epc.parse("https://id.gs1.org/00/106141412345678908").orElseThrow();
        assertEquals(Epc.Kind.SSCC, sscc.kind());
    }

    @Test
    void epcUrnsBecomeTheirDigitalLinks() {
        // As the CBV 2.0 reference pre-hash of epcisDocWithSingleEvent spells it.
        assertEquals("https://id.gs1.org/01/10614141073464/21/2017",
            Epc.parse("urn:epc:id:sgtin:0614141.107346.2017").orElseThrow().key());
        assertEquals("https://id.gs1.org/01/10614141073464/10/LOT9",
            Epc.parse("urn:epc:class:lgtin:0614141.107346.LOT9").orElseThrow().key());
        assertEquals("https://id.gs1.org/00/106141412345678908",
            Epc.parse("urn:epc:id:sscc:0614141.1234567890").orElseThrow().key());
    }

    @Test
    void otherIdentifiersAndBadCheckDigitsAreNotEpcsOfItems() {
        assertTrue(Epc.parse("https://id.gs1.org/01/04012345999991/21/X").isEmpty(), "check digit");
        assertTrue(Epc.parse("https://id.gs1.org/01/04012345999990").isEmpty(), "a class without lot or serial");
        assertTrue(Epc.parse("https://id.gs1.org/414/4012345000115").isEmpty(), "a location");
        assertTrue(Epc.parse("https://id.gs1.org/00/106141412345678907").isEmpty(), "SSCC check digit");
        assertTrue(Epc.parse("urn:epc:id:sgln:0614141.07346.1234").isEmpty());
        assertTrue(Epc.parse("https://id.gs1.org/01/04012345999990/21/" + "x".repeat(21)).isEmpty(), "serial length");
    }

    @Test
    void serialsArePercentEncodedPerDigitalLink() {
        assertEquals("A%20B%2F%C3%A9-._~", Epc.encode("A B/é-._~"));
        assertEquals("A B/é-._~", Epc.decode("A%20B%2F%C3%A9-._~"));
    }
}
