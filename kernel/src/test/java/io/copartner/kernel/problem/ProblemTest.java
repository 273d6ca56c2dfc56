package io.copartner.kernel.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void catalogueHasStableUrisTitlesAndStatuses() {
        assertEquals(URI.create("https://copartner.io/problems/not-found"), ProblemType.NOT_FOUND.uri());
        assertEquals(404, ProblemType.NOT_FOUND.status());
        assertEquals(URI.create("https://copartner.io/problems/idempotency-conflict"), ProblemType.IDEMPOTENCY_CONFLICT.uri());
        assertEquals(400, ProblemType.VALIDATION.status());
        assertEquals(400, ProblemType.MALFORMED_REQUEST.status());
        assertEquals(401, ProblemType.UNAUTHORIZED.status());
        assertEquals(403, ProblemType.FORBIDDEN.status());
        assertEquals(409, ProblemType.CONFLICT.status());
        assertEquals(503, ProblemType.UNAVAILABLE.status());
        assertEquals(500, ProblemType.INTERNAL.status());
        Set<URI> uris = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(t.uri().toString().startsWith(ProblemType.BASE));
            assertTrue(uris.add(t.uri()), "duplicate uri " + t.uri());
            assertEquals(t, ProblemType.fromUri(t.uri()).orElseThrow());
        }
        assertTrue(ProblemType.fromUri(URI.create("about:blank")).isEmpty());
    }

    @Test
    void problemRequiresTypeTitleAndAValidStatus() {
        URI type = ProblemType.CONFLICT.uri();
        assertThrows(NullPointerException.class, () -> new Problem(null, "t", 409, null, null, null));
        assertThrows(NullPointerException.class, () -> new Problem(type, null, 409, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Problem(type, "t", 0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Problem(type, "t", 600, null, null, null));
        Problem p = new Problem(type, "t", 409, null, null, null);
        assertNull(p.detail());
        assertNull(p.instance());
        assertTrue(p.extensions().isEmpty());
    }

    @Test
    void extensionsAreCopiedReadOnlyAndMayNotShadowStandardMembers() {
        Map<String, Object> ext = new HashMap<>();
        ext.put("balance", 30);
        ext.put("nullable", null);
        Problem p = new Problem(ProblemType.CONFLICT.uri(), "t", 409, "d", URI.create("/orders/1"), ext);
        ext.put("later", 1);
        assertEquals(2, p.extensions().size());
        assertTrue(p.extensions().containsKey("nullable"));
        assertThrows(UnsupportedOperationException.class, () -> p.extensions().put("x", 1));
        assertThrows(IllegalArgumentException.class, () -> p.withExtension("status", 1));
        Problem q = p.withExtension("errors", "x").withInstance(URI.create("/o/2")).withDetail("other");
        assertEquals("x", q.extensions().get("errors"));
        assertEquals(URI.create("/o/2"), q.instance());
        assertEquals("other", q.detail());
        assertEquals(2, p.extensions().size());
    }

    @Test
    void exceptionHelpersCarryTheMatchingProblem() {
        ProblemException e = ProblemException.notFound("order 42");
        assertEquals(ProblemType.NOT_FOUND.uri(), e.problem().type());
        assertEquals(ProblemType.NOT_FOUND.title(), e.problem().title());
        assertEquals(404, e.problem().status());
        assertEquals("order 42", e.problem().detail());
        assertTrue(e.getMessage().contains("order 42"));
        assertEquals(400, ProblemException.badRequest("x").problem().status());
        assertEquals(ProblemType.VALIDATION.uri(), ProblemException.badRequest("x").problem().type());
        assertEquals(ProblemType.MALFORMED_REQUEST.uri(), ProblemException.malformed("x").problem().type());
        assertEquals(401, ProblemException.unauthorized("x").problem().status());
        assertEquals(403, ProblemException.forbidden("x").problem().status());
        assertEquals(ProblemType.CONFLICT.uri(), ProblemException.conflict("x").problem().type());
        assertEquals(ProblemType.IDEMPOTENCY_CONFLICT.uri(), ProblemException.idempotencyConflict("x").problem().type());
        assertEquals(503, ProblemException.unavailable("x").problem().status());
        RuntimeException cause = new RuntimeException("db down");
        assertSame(cause, ProblemException.unavailable("x", cause).getCause());
        assertEquals(500, ProblemException.internal("x", cause).problem().status());
    }
}
