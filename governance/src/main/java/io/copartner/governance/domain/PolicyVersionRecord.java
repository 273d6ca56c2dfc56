package io.copartner.governance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One revenue policy version (in {@link ParameterCodec}'s text form), in force from {@code effectiveFrom}. */
@Entity
@Table(name = "policy_version", schema = "governance")
public class PolicyVersionRecord {

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "effective_from", nullable = false)
    private Instant effectiveFrom;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "proposal_id")
    private UUID proposalId;

    @Column(name = "body", nullable = false, length = 20000)
    private String body;

    protected PolicyVersionRecord() {
    }

    public PolicyVersionRecord(int version, Instant effectiveFrom, Instant recordedAt, UUID proposalId, String body) {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.recordedAt = recordedAt;
        this.proposalId = proposalId;
        this.body = body;
    }

    public int version() { return version; }
    public Instant effectiveFrom() { return effectiveFrom; }
    public Instant recordedAt() { return recordedAt; }
    public UUID proposalId() { return proposalId; }
    public String body() { return body; }
}
