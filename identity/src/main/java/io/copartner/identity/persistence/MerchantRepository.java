package io.copartner.identity.persistence;

import io.copartner.identity.domain.Merchant;
import io.copartner.identity.domain.MerchantEvent;
import io.copartner.identity.domain.MerchantProfile;
import io.copartner.identity.domain.MerchantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MerchantRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional
    public Optional<Merchant> find(String id) {
        return Optional.ofNullable(em.find(Merchant.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Merchant> findForUpdate(String id) {
        return Optional.ofNullable(em.find(Merchant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional
    public Optional<MerchantProfile> profile(String id) {
        return Optional.ofNullable(em.find(MerchantProfile.class, id));
    }

    @Transactional
    public Optional<MerchantStatus> statusOfUser(String keycloakUserId) {
        return em.createQuery("select m.status from Merchant m where m.keycloakUserId = :u", MerchantStatus.class)
            .setParameter("u", keycloakUserId).getResultStream().findFirst();
    }

    @Transactional
    public Optional<Merchant> byUser(String keycloakUserId) {
        return em.createQuery("select m from Merchant m where m.keycloakUserId = :u", Merchant.class)
            .setParameter("u", keycloakUserId).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Merchant merchant, MerchantProfile profile) {
        em.persist(merchant);
        em.flush();
        em.persist(profile);
        em.flush();
    }

    /** Persists the event and assigns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MerchantEvent addEvent(MerchantEvent event) {
        em.persist(event);
        em.flush();
        return event;
    }

    @Transactional
    public Optional<MerchantEvent> event(long id) {
        return Optional.ofNullable(em.find(MerchantEvent.class, id));
    }

    /** Merchants by id after {@code afterId}; {@code q} matches id, did, name or username (case-insensitive). */
    @Transactional
    public List<Merchant> search(MerchantStatus status, String q, String afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select m from Merchant m where 1 = 1");
        if (status != null) {
            jpql.append(" and m.status = :status");
        }
        if (afterId != null) {
            jpql.append(" and m.id > :after");
        }
        if (q != null) {
            jpql.append(" and (lower(m.id) like :q or lower(m.did) like :q or exists (select p from MerchantProfile p"
                + " where p.merchantId = m.id and (lower(p.name) like :q or lower(p.username) like :q)))");
        }
        jpql.append(" order by m.id");
        TypedQuery<Merchant> query = em.createQuery(jpql.toString(), Merchant.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        if (q != null) {
            query.setParameter("q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Transactional
    public List<MerchantEvent> events(String merchantId) {
        return em.createQuery("select e from MerchantEvent e where e.merchantId = :m order by e.id", MerchantEvent.class)
            .setParameter("m", merchantId).getResultList();
    }
}
