package io.copartner.governance.persistence;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.domain.Proposal;
import io.copartner.governance.domain.ProposalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Proposal> find(UUID id) {
        return Optional.ofNullable(em.find(Proposal.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Proposal> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Proposal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Persists the proposal and reads back its sequence number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal add(Proposal proposal) {
        em.persist(proposal);
        em.flush();
        em.refresh(proposal);
        return proposal;
    }

    /**
     * Locks one proposal whose timed transition is due, skipping those another instance (or thread) holds: each due
     * transition is applied by exactly one of them. Empty when none is due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Proposal> lockNextDue(Instant now) {
        List<?> ids = em.createNativeQuery("select id from governance.proposal where next_due_at <= ?1"
                + " order by next_due_at limit 1 for update skip locked")
            .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = ids.get(0) instanceof UUID u ? u : UUID.fromString(ids.get(0).toString());
        return Optional.ofNullable(em.find(Proposal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Newest first, after {@code beforeSeq} when not null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposal> list(ProposalState state, ProposalKind kind, Long beforeSeq, int limit) {
        StringBuilder jpql = new StringBuilder("select p from Proposal p where 1 = 1");
        if (state != null) {
            jpql.append(" and p.state = :state");
        }
        if (kind != null) {
            jpql.append(" and p.kind = :kind");
        }
        if (beforeSeq != null) {
            jpql.append(" and p.seq < :before");
        }
        jpql.append(" order by p.seq desc");
        TypedQuery<Proposal> q = em.createQuery(jpql.toString(), Proposal.class).setMaxResults(limit);
        if (state != null) {
            q.setParameter("state", state);
        }
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        if (beforeSeq != null) {
            q.setParameter("before", beforeSeq);
        }
        return q.getResultList();
    }
}
