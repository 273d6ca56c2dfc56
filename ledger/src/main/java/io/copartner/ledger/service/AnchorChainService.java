package io.copartner.ledger.service;

import io.copartner.kernel.event.PlatformStarted;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AnchorChain;
import io.copartner.ledger.api.AnchorContract;
import io.copartner.ledger.chain.AnchorChainClient;
import io.copartner.ledger.chain.AnchorReceipt;
import io.copartner.ledger.chain.AnchoredEvent;
import io.copartner.ledger.chain.TxState;
import io.copartner.ledger.domain.ChainDeployment;
import io.copartner.ledger.persistence.ChainDeploymentRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the platform's AuditAnchor contract: adopts the configured address if it has code, else the one
 * remembered for this chain id, else deploys a new one and remembers it. A chain that is down at start-up
 * does not stop the platform; the contract is resolved on first use instead.
 */
@ApplicationScoped
public class AnchorChainService implements AnchorChain {

    private static final Logger LOG = Logger.getLogger(AnchorChainService.class.getName());

    @Inject
    @ConfigProperty(name = "copartner.chain.rpc.url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    @Inject
    @ConfigProperty(name = "copartner.chain.id", defaultValue = "31337")
    long chainId;

    @Inject
    @ConfigProperty(name = "copartner.chain.private.key")
    String privateKey;

    @Inject
    @ConfigProperty(name = "copartner.chain.contract")
    Optional<String> configuredContract;

    @Inject
    ChainDeploymentRepository deployments;

    private AnchorChainClient client;
    private volatile AnchorContract contract;

    void onStart(@Observes PlatformStarted started) {
        try {
            AnchorContract c = contract();
            LOG.info(() -> "AuditAnchor on chain " + c.chainId() + " at " + c.address());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chain not available at start-up; the anchor contract will be resolved later", e);
        }
    }

    @Override
    public AnchorContract contract() {
        AnchorContract known = contract;
        if (known != null) {
            return known;
        }
        return resolve();
    }

    private synchronized AnchorContract resolve() {
        if (contract != null) {
            return contract;
        }
        try {
            AnchorChainClient chain = client();
            long nodeChainId = chain.chainId();
            if (nodeChainId != chainId) {
                throw ProblemException.unavailable("The node at the configured RPC URL is chain " + nodeChainId
                    + ", not the configured chain " + chainId + ".");
            }
            Optional<String> configured = configuredContract.filter(a -> !a.isBlank());
            if (configured.isPresent() && chain.hasCode(configured.get())) {
                ChainDeployment d = deployments.remember(chainId, configured.get(), chain.fromAddress(), Instant.now());
                return contract = toContract(d);
            }
            Optional<ChainDeployment> remembered = deployments.find(chainId);
            if (remembered.isPresent() && chain.hasCode(remembered.get().contractAddress())) {
                return contract = toContract(remembered.get());
            }
            String address = chain.deploy();
            ChainDeployment d = deployments.remember(chainId, address, chain.fromAddress(), Instant.now());
            return contract = toContract(d);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("The chain at " + rpcUrl + " is not reachable.", e);
        }
    }

    /** Sends one anchor transaction and returns its hash without waiting (module-internal: the anchor worker). */
    public String submit(long treeSize, byte[] root) {
        return client().submit(contract().address(), treeSize, root);
    }

    /** Waits for a submitted anchor to be mined; never call this inside a database transaction. */
    public AnchorReceipt awaitReceipt(String txHash, long treeSize, byte[] root) {
        return client().awaitReceipt(contract().address(), txHash, treeSize, root);
    }

    /** The receipt of an anchor known to be mined (found by hash or in the logs). */
    public AnchorReceipt receipt(String txHash, long treeSize, byte[] root) {
        return client().receipt(contract().address(), txHash, treeSize, root);
    }

    public TxState state(String txHash) {
        return client().state(txHash);
    }

    /** Largest tree size the contract in use holds. */
    public long latestTreeSize() {
        return client().latestTreeSize(contract().address());
    }

    /** {@code Anchored} events of the contract in use from {@code fromBlock} on, oldest first. */
    public List<AnchoredEvent> anchoredEvents(long fromBlock) {
        return client().anchoredEvents(contract().address(), fromBlock);
    }

    @Override
    public ChainProbe probe() {
        try {
            AnchorContract c = contract();
            AnchorChainClient chain = client();
            if (!chain.hasCode(c.address())) {
                contract = null; // the chain was reset: resolve (and redeploy) on next use
                return new ChainProbe(false, chainId, Optional.of(c.address()), 0, "contract code missing");
            }
            return new ChainProbe(true, chainId, Optional.of(c.address()), chain.latestTreeSize(c.address()), null);
        } catch (RuntimeException e) {
            return new ChainProbe(false, chainId, Optional.empty(), 0, e.getMessage());
        }
    }

    private synchronized AnchorChainClient client() {
        if (client == null) {
            client = new AnchorChainClient(rpcUrl, privateKey, chainId);
        }
        return client;
    }

    private static AnchorContract toContract(ChainDeployment d) {
        return new AnchorContract(d.chainId(), d.contractAddress(), d.deployerAddress(), d.deployedAt());
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
