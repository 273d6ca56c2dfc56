package io.copartner.ledger.persistence;

import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.domain.ChainDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ChainDeploymentRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public Optional<ChainDeployment> find(long chainId) {
        return Optional.ofNullable(em.find(ChainDeployment.class, chainId));
    }

    /** Remembers the contract and records the fact in the audit log, atomically. */
    @Transactional
    public ChainDeployment remember(long chainId, String address, String deployer, Instant at) {
        audit.record("platform.anchor-contract.adopted", "chain:" + chainId,
            Map.of("chainId", Long.toString(chainId), "contract", address, "deployer", deployer));
        ChainDeployment existing = em.find(ChainDeployment.class, chainId);
        if (existing == null) {
            ChainDeployment created = new ChainDeployment(chainId, address, deployer, at);
            em.persist(created);
            return created;
        }
        existing.replaceWith(address, deployer, at);
        return existing;
    }
}
