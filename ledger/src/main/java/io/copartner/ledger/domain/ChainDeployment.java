package io.copartner.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The remembered AuditAnchor deployment of one chain, so a restart reuses it instead of deploying again. */
@Entity
@Table(name = "chain_deployment", schema = "ledger")
public class ChainDeployment {

    @Id
    @Column(name = "chain_id")
    private long chainId;

    @Column(name = "contract_address", nullable = false, length = 42)
    private String contractAddress;

    @Column(name = "deployer_address", nullable = false, length = 42)
    private String deployerAddress;

    @Column(name = "deployed_at", nullable = false)
    private Instant deployedAt;

    protected ChainDeployment() {
    }

    public ChainDeployment(long chainId, String contractAddress, String deployerAddress, Instant deployedAt) {
        if (!contractAddress.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("not an EVM address: " + contractAddress);
        }
        this.chainId = chainId;
        this.contractAddress = contractAddress;
        this.deployerAddress = Objects.requireNonNull(deployerAddress);
        this.deployedAt = Objects.requireNonNull(deployedAt);
    }

    public long chainId() {
        return chainId;
    }

    public String contractAddress() {
        return contractAddress;
    }

    public String deployerAddress() {
        return deployerAddress;
    }

    public Instant deployedAt() {
        return deployedAt;
    }

    /** The chain was reset (a new dev chain) or the contract replaced: remember the new one. */
    public void replaceWith(String address, String deployer, Instant at) {
        this.contractAddress = address;
        this.deployerAddress = deployer;
        this.deployedAt = at;
    }
}
