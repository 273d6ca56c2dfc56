package io.copartner.identity.persistence;

import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys, claimed inside the request's own transaction: the first request inserts its key; a
 * concurrent duplicate waits on the primary key until the first commits (then replays its result) or
 * rolls back (then proceeds as the first).
 */
@ApplicationScoped
public class IdempotencyRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    /** Empty if this request owns the key now; the earlier result's id if it is a repeat of the same request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(String scope, String key, String requestHash) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key must be 1..200 characters.");
        }
        int inserted = em.createNativeQuery("""
                insert into identity.idempotency_key (scope, key, request_hash, created_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
            .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).setParameter(4, Instant.now())
            .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select request_hash, result_id from identity.idempotency_key where scope = ?1 and key = ?2")
            .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.idempotencyConflict(
                "This Idempotency-Key was used for a different request.");
        }
        if (row[1] == null) {
            throw ProblemException.idempotencyConflict("The first request with this Idempotency-Key is still running.");
        }
        return Optional.of((String) row[1]);
    }

    /** A key's first request: its fingerprint, and its result's id once it completed. */
    public record Claimed(String requestHash, String resultId) {
    }

    /**
     * A look before a request does anything outside the database (Keycloak); the caller compares the fingerprint,
     * outside any transaction, so a reused key is a plain 409 rather than a rolled-back transaction.
     */
    @Transactional
    public Optional<Claimed> find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select request_hash, result_id from identity.idempotency_key where scope = ?1 and key = ?2")
            .setParameter(1, scope).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Claimed((String) r[0], (String) r[1]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, String resultId) {
        em.createNativeQuery("update identity.idempotency_key set result_id = ?3 where scope = ?1 and key = ?2")
            .setParameter(1, scope).setParameter(2, key).setParameter(3, resultId).executeUpdate();
    }
}
