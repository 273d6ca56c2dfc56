package io.copartner.identity.persistence;

import io.copartner.identity.domain.StatusList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

@ApplicationScoped
public class StatusListRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional
    public Optional<StatusList> find(String id) {
        return Optional.ofNullable(em.find(StatusList.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StatusList> findForUpdate(String id) {
        return Optional.ofNullable(em.find(StatusList.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The newest list, locked: allocation is serialised per list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StatusList> newestForUpdate() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('identity.status-list'))").getSingleResult();
        return em.createQuery("select s from StatusList s order by s.createdAt desc, s.id desc", StatusList.class)
            .setMaxResults(1).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count() {
        return em.createQuery("select count(s) from StatusList s", Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(StatusList list) {
        em.persist(list);
    }
}
