package io.copartner.governance.persistence;

import io.copartner.governance.domain.ParameterVersionRecord;
import io.copartner.governance.domain.PolicyVersionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versioned governance parameters and revenue policies (append-only). */
@ApplicationScoped
public class VersionRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ParameterVersionRecord> latestParameters() {
        return em.createQuery("select v from ParameterVersionRecord v order by v.version desc",
            ParameterVersionRecord.class).setMaxResults(1).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ParameterVersionRecord> parameterHistory() {
        return em.createQuery("select v from ParameterVersionRecord v order by v.version",
            ParameterVersionRecord.class).getResultList();
    }

    /** Inserts the seed (version 1) unless present (two instances seeding at once); true if inserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seedParameters(Instant at, String body) {
        return em.createNativeQuery("insert into governance.parameter_version (version, recorded_at, body)"
                + " values (1, ?1, ?2) on conflict do nothing")
            .setParameter(1, at).setParameter(2, body).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ParameterVersionRecord version) {
        em.persist(version);
        em.flush();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(PolicyVersionRecord version) {
        em.persist(version);
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersionRecord> policyInForceAt(Instant instant) {
        return em.createQuery("select v from PolicyVersionRecord v where v.effectiveFrom <= :t"
                + " order by v.effectiveFrom desc, v.version desc", PolicyVersionRecord.class)
            .setParameter("t", instant).setMaxResults(1).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersionRecord> latestPolicy() {
        return em.createQuery("select v from PolicyVersionRecord v order by v.version desc", PolicyVersionRecord.class)
            .setMaxResults(1).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyVersionRecord> policyHistory() {
        return em.createQuery("select v from PolicyVersionRecord v order by v.version", PolicyVersionRecord.class)
            .getResultList();
    }

    /** Inserts the seed policy (version 1) unless present; true if inserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seedPolicy(Instant effectiveFrom, Instant at, String body) {
        return em.createNativeQuery("insert into governance.policy_version (version, effective_from, recorded_at, body)"
                + " values (1, ?1, ?2, ?3) on conflict do nothing")
            .setParameter(1, effectiveFrom).setParameter(2, at).setParameter(3, body).executeUpdate() == 1;
    }
}
