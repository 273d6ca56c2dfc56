package io.copartner.governance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of the governance parameters (in {@link ParameterCodec}'s text form); version 1 is the seed. */
@Entity
@Table(name = "parameter_version", schema = "governance")
public class ParameterVersionRecord {

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "proposal_id")
    private UUID proposalId;

    @Column(name = "body", nullable = false, length = 20000)
    private String body;

    protected ParameterVersionRecord() {
    }

    public ParameterVersionRecord(int version, Instant recordedAt, UUID proposalId, String body) {
        this.version = version;
        this.recordedAt = recordedAt;
        this.proposalId = proposalId;
        this.body = body;
    }

    public int version() { return version; }
    public Instant recordedAt() { return recordedAt; }
    public UUID proposalId() { return proposalId; }
    public String body() { return body; }
}
