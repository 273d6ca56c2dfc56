package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The salt of a party's hashes in the audit log; deleting it makes them unlinkable (crypto-shredding). */
@Entity
@Table(name = "party_salt", schema = "identity")
public class PartySalt {

    @Id
    @Column(name = "party_id", length = 200)
    private String partyId;

    @Column(name = "salt", nullable = false, columnDefinition = "bytea")
    private byte[] salt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartySalt() {
    }

    public PartySalt(String partyId, byte[] salt, Instant createdAt) {
        this.partyId = partyId;
        this.salt = salt.clone();
        this.createdAt = createdAt;
    }

    public String partyId() {
        return partyId;
    }

    public byte[] salt() {
        return salt.clone();
    }
}
