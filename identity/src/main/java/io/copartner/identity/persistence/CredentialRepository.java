package io.copartner.identity.persistence;

import io.copartner.identity.domain.IssuedCredentialRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CredentialRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional
    public Optional<IssuedCredentialRecord> find(UUID id) {
        return Optional.ofNullable(em.find(IssuedCredentialRecord.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IssuedCredentialRecord> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(IssuedCredentialRecord.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean indexTaken(String listId, int index) {
        return !em.createQuery("select c.id from IssuedCredentialRecord c where c.statusListId = :l and c.statusIndex = :i")
            .setParameter("l", listId).setParameter("i", index).setMaxResults(1).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(IssuedCredentialRecord credential) {
        em.persist(credential);
    }
}
