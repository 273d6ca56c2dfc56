package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A merchant's identifiers and state; its personal data lives in {@link MerchantProfile}. */
@Entity
@Table(name = "merchant", schema = "identity")
public class Merchant {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "did", nullable = false, length = 300)
    private String did;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private MerchantStatus status;

    @Column(name = "keycloak_user_id", nullable = false, length = 64)
    private String keycloakUserId;

    @Column(name = "keycloak_group_id", nullable = false, length = 64)
    private String keycloakGroupId;

    @Column(name = "credential_id")
    private UUID credentialId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Merchant() {
    }

    public Merchant(String id, String did, String keycloakUserId, String keycloakGroupId, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.did = Objects.requireNonNull(did);
        this.status = MerchantStatus.PENDING;
        this.keycloakUserId = Objects.requireNonNull(keycloakUserId);
        this.keycloakGroupId = Objects.requireNonNull(keycloakGroupId);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies the status rule; a 409 problem if the action does not apply. */
    public void apply(MerchantStatus.Action action, UUID credentialId, Instant now) {
        this.status = status.after(action);
        if (credentialId != null) {
            this.credentialId = credentialId;
        }
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String did() { return did; }
    public MerchantStatus status() { return status; }
    public String keycloakUserId() { return keycloakUserId; }
    public String keycloakGroupId() { return keycloakGroupId; }
    public UUID credentialId() { return credentialId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
