package io.copartner.kernel.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

    static final PartyId ADMIN = PartyId.of("admin-sub");
    static final PartyId OTHER = PartyId.of("other-sub");
    static final IdempotencyKey KEY = new IdempotencyKey("k-1");

    static Map<String, Object> body(String memo, long amount) {
        Map<String, Object> posting = new LinkedHashMap<>();
        posting.put("accountId", "a-1");
        posting.put("amount", amount);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memo", memo);
        m.put("postings", List.of(posting));
        return m;
    }

    @Test
    void theFingerprintIgnoresMemberOrderAndWhitespace() {
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("postings", List.of(Map.of("amount", 5L, "accountId", "a-1")));
        reordered.put("memo", "top-up");
        String f = IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, body("top-up", 5));
        assertEquals(f, IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, reordered));
        assertEquals(f, IdempotentRequest.fingerprintOfJson("ledger.entry.post", ADMIN,
            "{ \"postings\" : [ {\"amount\":5 ,\n \"accountId\":\"a-1\"} ],\t\"memo\":\"top-up\" }"));
        assertEquals(f, IdempotentRequest.fingerprintOfJson("ledger.entry.post", ADMIN,
            "{\"memo\":\"top-up\",\"postings\":[{\"accountId\":\"a-1\",\"amount\":5.0}]}"), "5.0 and 5 are one number");
        assertEquals(64, f.length());
    }

    @Test
    void aNullMemberIsTheSameAsAMissingOne() {
        Map<String, Object> withNull = new HashMap<>(body("m", 1));
        withNull.put("reason", null);
        assertEquals(IdempotentRequest.fingerprint("op", ADMIN, body("m", 1)),
            IdempotentRequest.fingerprint("op", ADMIN, withNull));
    }

    @Test
    void anotherBodyOperationOrCallerIsAnotherFingerprint() {
        String f = IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, body("m", 1));
        assertNotEquals(f, IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, body("m", 2)));
        assertNotEquals(f, IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, body("n", 1)));
        assertNotEquals(f, IdempotentRequest.fingerprint("ledger.entry.reverse", ADMIN, body("m", 1)));
        assertNotEquals(f, IdempotentRequest.fingerprint("ledger.entry.post", OTHER, body("m", 1)));
        // A number and its string are different values in JSON.
        Map<String, Object> asString = body("m", 1);
        asString.put("postings", List.of(Map.of("accountId", "a-1", "amount", "1")));
        assertNotEquals(f, IdempotentRequest.fingerprint("ledger.entry.post", ADMIN, asString));
    }

    @Test
    void aJsonBodyIsFingerprintedWholeDecimalsIncluded() {
        String half = "{\"quantityList\":[{\"quantity\":12.5,\"uom\":\"KGM\"}]}";
        String spaced = "{ \"quantityList\" : [ { \"uom\":\"KGM\", \"quantity\" : 1.25e1 } ] }";
        String other = "{\"quantityList\":[{\"quantity\":12.25,\"uom\":\"KGM\"}]}";
        String f = IdempotentRequest.fingerprintOfJson("commerce.epcis.capture", ADMIN, half);
        assertEquals(f, IdempotentRequest.fingerprintOfJson("commerce.epcis.capture", ADMIN, spaced));
        assertNotEquals(f, IdempotentRequest.fingerprintOfJson("commerce.epcis.capture", ADMIN, other));
        assertThrows(IllegalArgumentException.class,
            () -> IdempotentRequest.fingerprintOfJson("commerce.epcis.capture", ADMIN, "{\"q\":"));
    }

    @Test
    void longsBeyondTwoToThe53AreFingerprintedExactly() {
        assertNotEquals(IdempotentRequest.fingerprint("op", ADMIN, Map.of("n", Long.MAX_VALUE)),
            IdempotentRequest.fingerprint("op", ADMIN, Map.of("n", Long.MAX_VALUE - 1)));
    }

    @Test
    void theDecisionReplaysTheSameRequestAndRefusesAnyOther() {
        IdempotentRequest request = IdempotentRequest.of(KEY, "ledger.entry.post", ADMIN, body("m", 1));
        var same = new Idempotency.Stored("ledger.entry.post", ADMIN, request.fingerprint(), "entry-1");
        assertEquals("entry-1", Idempotency.replayOrRefuse(request, same));

        for (IdempotentRequest other : List.of(
            IdempotentRequest.of(KEY, "ledger.entry.post", ADMIN, body("m", 2)),
            IdempotentRequest.of(KEY, "ledger.entry.reverse", ADMIN, body("m", 1)),
            IdempotentRequest.of(KEY, "ledger.entry.post", OTHER, body("m", 1)))) {
            ProblemException e = assertThrows(ProblemException.class, () -> Idempotency.replayOrRefuse(other, same));
            assertEquals(ProblemType.IDEMPOTENCY_CONFLICT.uri(), e.problem().type());
            assertEquals(409, e.problem().status());
        }
        var unfinished = new Idempotency.Stored("ledger.entry.post", ADMIN, request.fingerprint(), null);
        assertEquals(ProblemType.IDEMPOTENCY_IN_PROGRESS.uri(), assertThrows(ProblemException.class,
            () -> Idempotency.replayOrRefuse(request, unfinished)).problem().type());
    }

    @Test
    void operationsAndValuesOutsideTheRuleAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> IdempotentRequest.of(KEY, "Bad Op", ADMIN, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> IdempotentRequest.of(KEY, "op", ADMIN,
            Map.of("x", new Object())));
        assertThrows(IllegalArgumentException.class, () -> IdempotentRequest.fingerprintOfJson("op", ADMIN, "{"));
    }
}
