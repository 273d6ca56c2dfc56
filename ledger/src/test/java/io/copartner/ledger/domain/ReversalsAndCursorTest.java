package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReversalsAndCursorTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    final UUID x = UUID.randomUUID();
    final UUID y = UUID.randomUUID();

    @Test
    void aReversalNegatesEveryPostingInOrder() {
        UUID id = UUID.randomUUID();
        List<Posting> original = List.of(new Posting(id, x, "CNY", -250, 0, T), new Posting(id, y, "CNY", 250, 250, T));
        assertEquals(List.of(new PostingLine(x, "CNY", 250), new PostingLine(y, "CNY", -250)), Reversals.linesOf(original));
    }

    @Test
    void anEntryIsReversedOnce() {
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), EntryKind.STANDARD, null, null, T, 1, "admin");
        Reversals.check(entry, null);
        ProblemException e = assertThrows(ProblemException.class, () -> Reversals.check(entry, UUID.randomUUID()));
        assertEquals(ProblemType.CONFLICT.uri(), e.problem().type());
        assertTrue(e.problem().detail().contains("already reversed"));
    }

    @Test
    void aReversalIsNotReversed() {
        JournalEntry reversal = new JournalEntry(UUID.randomUUID(), EntryKind.REVERSAL, null, UUID.randomUUID(), T, 2, "a");
        ProblemException e = assertThrows(ProblemException.class, () -> Reversals.check(reversal, null));
        assertEquals(409, e.problem().status());
    }

    @Test
    void onlyAReversalReferencesAnEntry() {
        assertThrows(IllegalArgumentException.class,
            () -> new JournalEntry(UUID.randomUUID(), EntryKind.REVERSAL, null, null, T, 1, "a"));
        assertThrows(IllegalArgumentException.class,
            () -> new JournalEntry(UUID.randomUUID(), EntryKind.STANDARD, null, UUID.randomUUID(), T, 1, "a"));
        assertThrows(IllegalArgumentException.class, () -> new Posting(UUID.randomUUID(), x, "CNY", 0, 0, T));
    }

    @Test
    void cursorsRoundTripAndAreOpaque() {
        assertEquals(0, StatementCursor.decode(null));
        assertEquals(0, StatementCursor.decode(""));
        assertEquals(12345, StatementCursor.decode(StatementCursor.encode(12345)));
        assertNotEquals("12345", StatementCursor.encode(12345));
        for (String bad : List.of("12345", "!!", StatementCursor.encode(-1).substring(1), "czE6LTE")) {
            ProblemException e = assertThrows(ProblemException.class, () -> StatementCursor.decode(bad), bad);
            assertEquals(ProblemType.MALFORMED_REQUEST.uri(), e.problem().type());
        }
    }
}
