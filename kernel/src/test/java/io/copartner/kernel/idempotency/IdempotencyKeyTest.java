package io.copartner.kernel.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void visibleAsciiFromOneTo200CharactersIsAKey() {
        assertTrue(IdempotencyKey.isValid("!"));
        assertTrue(IdempotencyKey.isValid("~"));
        assertTrue(IdempotencyKey.isValid("topup-2026-11-25-0001"));
        assertTrue(IdempotencyKey.isValid("x".repeat(200)));
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            all.append(c);
        }
        assertTrue(IdempotencyKey.isValid(all.toString()), "every visible ASCII character");
        assertEquals("abc", IdempotencyKey.required("abc").value());
        assertEquals("abc", IdempotencyKey.optional("abc").orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", " a", "a ", "a\tb", "a\nb", "\u007F", "a\u0000", "é", "鍵", "a\u00A0b"})
    void anythingElseIsAValidationProblem(String key) {
        assertFalse(IdempotencyKey.isValid(key));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey(key));
        for (ProblemException e : new ProblemException[] {
            assertThrows(ProblemException.class, () -> IdempotencyKey.required(key)),
            assertThrows(ProblemException.class, () -> IdempotencyKey.optional(key))}) {
            assertEquals(ProblemType.VALIDATION.uri(), e.problem().type());
        }
    }

    @Test
    void keysBeyond200CharactersAreRefused() {
        assertFalse(IdempotencyKey.isValid("x".repeat(201)));
        assertEquals(400, assertThrows(ProblemException.class, () -> IdempotencyKey.required("x".repeat(201)))
            .problem().status());
    }

    @Test
    void noHeaderIsEmptyWhereOptionalAndAProblemWhereRequired() {
        assertTrue(IdempotencyKey.optional(null).isEmpty());
        assertEquals(ProblemType.VALIDATION.uri(),
            assertThrows(ProblemException.class, () -> IdempotencyKey.required(null)).problem().type());
    }
}
