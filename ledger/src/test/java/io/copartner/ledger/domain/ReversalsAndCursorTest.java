package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReversalsAndCursorTest {

    final UUID x = UUID.randomUUID();
    final UUID y = UUID.randomUUID();

    final UUID original = UUID.randomUUID();
    final List<PostingLine> lines = List.of(new PostingLine(x, "CNY", -250), new PostingLine(y, "CNY", 250));

    @Test
    void aReversalNegatesEveryPostingInOrderAndReferencesTheOriginal() {
        EntryDraft draft = Reversals.draft(original, EntryKind.STANDARD, null, lines, null, "party:admin");
        assertEquals(List.of(new PostingLine(x, "CNY", 250), new PostingLine(y, "CNY", -250)), draft.lines());
        assertEquals(EntryKind.REVERSAL, draft.kind());
        assertEquals(original, draft.reverses());
        assertEquals("Reversal of " + original, draft.memo());
        assertEquals("party:admin", draft.postedBy());
    }

    @Test
    void anEntryIsReversedOnce() {
        ProblemException e = assertThrows(ProblemException.class,
            () -> Reversals.draft(original, EntryKind.STANDARD, UUID.randomUUID(), lines, null, null));
        assertEquals(ProblemType.CONFLICT.uri(), e.problem().type());
        assertTrue(e.problem().detail().contains("already reversed"));
    }

    @Test
    void aReversalIsNotReversed() {
        ProblemException e = assertThrows(ProblemException.class,
            () -> Reversals.draft(original, EntryKind.REVERSAL, null, lines, "again", null));
        assertEquals(409, e.problem().status());
    }

    @Test
    void onlyAReversalReferencesAnEntry() {
        assertEquals(EntryKind.STANDARD, new EntryDraft(null, null, lines, "a").kind());
        assertEquals(EntryKind.REVERSAL, new EntryDraft(original, null, lines, "a").kind());
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
