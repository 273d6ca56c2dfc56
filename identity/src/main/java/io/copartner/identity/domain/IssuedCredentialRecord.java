package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A credential the platform issued, with its status list entry. */
@Entity
@Table(name = "credential", schema = "identity")
public class IssuedCredentialRecord {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "type", nullable = false, length = 60)
    private String type;

    @Column(name = "subject_hash", nullable = false, length = 64)
    private String subjectHash;

    @Column(name = "salt", nullable = false, columnDefinition = "bytea")
    private byte[] salt;

    @Column(name = "status_list_id", nullable = false, length = 40)
    private String statusListId;

    @Column(name = "status_index", nullable = false)
    private int statusIndex;

    @Column(name = "jwt", nullable = false, columnDefinition = "text")
    private String jwt;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected IssuedCredentialRecord() {
    }

    public IssuedCredentialRecord(UUID id, String type, String subjectHash, byte[] salt, String statusListId,
                                  int statusIndex, String jwt, Instant issuedAt, Instant validUntil) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.subjectHash = Objects.requireNonNull(subjectHash);
        this.salt = salt.clone();
        this.statusListId = Objects.requireNonNull(statusListId);
        this.statusIndex = statusIndex;
        this.jwt = Objects.requireNonNull(jwt);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.validUntil = validUntil;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String subjectHash() {
        return subjectHash;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public String statusListId() {
        return statusListId;
    }

    public int statusIndex() {
        return statusIndex;
    }

    public String jwt() {
        return jwt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
