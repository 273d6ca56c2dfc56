package io.copartner.identity.domain;

import io.copartner.kernel.encoding.KeyType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One key of a did:web identity hosted here; retired keys are kept so old signatures stay verifiable. */
@Entity
@Table(name = "did_key", schema = "identity")
public class DidKeyRecord {

    public enum Purpose { issuer, merchant }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "did", nullable = false, length = 300)
    private String did;

    @Column(name = "fragment", nullable = false, length = 64)
    private String fragment;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 20)
    private Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_type", nullable = false, length = 20)
    private KeyType keyType;

    @Column(name = "public_key", nullable = false, columnDefinition = "bytea")
    private byte[] publicKey;

    @Column(name = "private_key", columnDefinition = "bytea")
    private byte[] privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected DidKeyRecord() {
    }

    public DidKeyRecord(String did, String fragment, Purpose purpose, KeyType keyType, byte[] publicKey,
                        byte[] encryptedPrivateKey, Instant createdAt) {
        this.did = Objects.requireNonNull(did);
        this.fragment = Objects.requireNonNull(fragment);
        this.purpose = Objects.requireNonNull(purpose);
        this.keyType = Objects.requireNonNull(keyType);
        this.publicKey = publicKey.clone();
        this.privateKey = encryptedPrivateKey == null ? null : encryptedPrivateKey.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() {
        return id;
    }

    public String did() {
        return did;
    }

    public String fragment() {
        return fragment;
    }

    /** The DID URL of this key's verification method. */
    public String keyId() {
        return did + "#" + fragment;
    }

    public Purpose purpose() {
        return purpose;
    }

    public KeyType keyType() {
        return keyType;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] encryptedPrivateKey() {
        return privateKey == null ? null : privateKey.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public boolean active() {
        return retiredAt == null;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }
}
