package io.copartner.identity.persistence;

import io.copartner.identity.domain.DidKeyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DidKeyRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    /** Every key of an identity, oldest first. */
    @Transactional
    public List<DidKeyRecord> keysOf(String did) {
        return em.createQuery("select k from DidKeyRecord k where k.did = :did order by k.id", DidKeyRecord.class)
            .setParameter("did", did).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DidKeyRecord> active(String did, DidKeyRecord.Purpose purpose) {
        return em.createQuery("select k from DidKeyRecord k where k.did = :did and k.purpose = :p and k.retiredAt is null",
                DidKeyRecord.class)
            .setParameter("did", did).setParameter("p", purpose).getResultStream().findFirst();
    }

    @Transactional
    public Optional<DidKeyRecord> byKeyId(String did, String fragment) {
        return em.createQuery("select k from DidKeyRecord k where k.did = :did and k.fragment = :f", DidKeyRecord.class)
            .setParameter("did", did).setParameter("f", fragment).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count(String did) {
        return em.createQuery("select count(k) from DidKeyRecord k where k.did = :did", Long.class)
            .setParameter("did", did).getSingleResult();
    }

    /** Serialises key changes of one identity across transactions and instances (until commit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String did) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "identity.did:" + did)
            .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(DidKeyRecord key) {
        em.persist(key);
        em.flush();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        em.flush();
    }
}
