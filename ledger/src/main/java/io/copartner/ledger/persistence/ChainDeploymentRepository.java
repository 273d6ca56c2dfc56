package io.copartner.ledger.persistence;

import io.copartner.ledger.domain.ChainDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class ChainDeploymentRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional
    public Optional<ChainDeployment> find(long chainId) {
        return Optional.ofNullable(em.find(ChainDeployment.class, chainId));
    }

    @Transactional
    public ChainDeployment remember(long chainId, String address, String deployer, Instant at) {
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
