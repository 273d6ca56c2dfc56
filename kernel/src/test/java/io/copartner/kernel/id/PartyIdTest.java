package io.copartner.kernel.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartyIdTest {

    @Test
    void aSubjectBecomesItsCanonicalPartyId() {
        PartyId p = PartyId.of("5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01");
        assertEquals("party:5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01", p.value());
        assertEquals(p.value(), p.toString());
        assertEquals("5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01", p.local());
        assertEquals(p, PartyId.parse(p.value()));
        assertEquals("party:platform", PartyId.PLATFORM.value());
        assertTrue(PartyId.isValid("party:it-1.x_y~z@host:9"));
    }

    @Test
    void theLocalPartIsAtMost200Characters() {
        assertTrue(PartyId.isValid("party:" + "a".repeat(200)));
        assertFalse(PartyId.isValid("party:" + "a".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "party:", "platform", "PARTY:x", "party: x", "party:x y", "party:x\ty", "party:x\n",
        "party:\u0000", "party::x", "party:é", "party:x/y", "party:x\"", "did:key:z6Mk", " party:x", "party:x "})
    void badIdsAreRefused(String text) {
        assertFalse(PartyId.isValid(text));
        assertThrows(IllegalArgumentException.class, () -> PartyId.parse(text));
        ProblemException e = assertThrows(ProblemException.class, () -> PartyId.require(text, "owner"));
        assertEquals(ProblemType.VALIDATION.uri(), e.problem().type());
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().startsWith("owner"), e.problem().detail());
        assertFalse(e.problem().detail().chars().anyMatch(Character::isISOControl), "no controls echoed");
    }

    @Test
    void aMissingIdAtTheEdgeIsAValidationProblem() {
        assertEquals(400, assertThrows(ProblemException.class, () -> PartyId.require(null, "owner")).problem().status());
        assertFalse(PartyId.isValid(null));
    }
}
