package io.copartner.governance.persistence;

import io.copartner.governance.domain.MemberRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    /** Adds the member unless already on the roster (the earlier memberSince stays); true if added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addIfAbsent(String did, String partyId, Instant since) {
        return em.createNativeQuery("insert into governance.member (did, party_id, member_since) values (?1, ?2, ?3)"
                + " on conflict (did) do nothing")
            .setParameter(1, did).setParameter(2, partyId).setParameter(3, since)
            .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberRecord> find(String did) {
        return Optional.ofNullable(em.find(MemberRecord.class, did));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberRecord> before(Instant instant) {
        return em.createQuery("select m from MemberRecord m where m.memberSince < :t order by m.did", MemberRecord.class)
            .setParameter("t", instant).getResultList();
    }
}
