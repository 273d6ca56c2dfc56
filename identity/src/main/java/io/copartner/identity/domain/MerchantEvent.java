package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One administrative action on a merchant and the audit entry that records it. */
@Entity
@Table(name = "merchant_event", schema = "identity")
public class MerchantEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "merchant_id", nullable = false, length = 64)
    private String merchantId;

    @Column(name = "type", nullable = false, length = 60)
    private String type;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Column(name = "audit_entry_id", nullable = false)
    private long auditEntryId;

    @Column(name = "leaf_hash", nullable = false, length = 64)
    private String leafHash;

    @Column(name = "at", nullable = false)
    private Instant at;

    /** The credential the merchant held after this step (null before V4 and while it has none). */
    @Column(name = "credential_id")
    private UUID credentialId;

    protected MerchantEvent() {
    }

    public MerchantEvent(String merchantId, String type, MerchantStatus status, UUID credentialId, String actor,
                         long auditEntryId, String leafHash, Instant at) {
        this.merchantId = merchantId;
        this.type = type;
        this.status = status.name();
        this.actor = actor;
        this.auditEntryId = auditEntryId;
        this.leafHash = leafHash;
        this.at = at;
        this.credentialId = credentialId;
    }

    public Long id() { return id; }
    public String merchantId() { return merchantId; }
    public String type() { return type; }
    public String status() { return status; }
    public String actor() { return actor; }
    public long auditEntryId() { return auditEntryId; }
    public String leafHash() { return leafHash; }
    public Instant at() { return at; }
    public UUID credentialId() { return credentialId; }
}
