package io.copartner.identity.domain;

import io.copartner.identity.credential.BitstringStatusList;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A revocation Bitstring Status List; indexes are handed out at random so neighbours reveal nothing. */
@Entity
@Table(name = "status_list", schema = "identity")
public class StatusList {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "purpose", nullable = false, length = 20)
    private String purpose;

    @Column(name = "size_bits", nullable = false)
    private int sizeBits;

    @Column(name = "allocated", nullable = false)
    private int allocated;

    @Column(name = "bits", nullable = false, columnDefinition = "bytea")
    private byte[] bits;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StatusList() {
    }

    public StatusList(String id, int sizeBits, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.purpose = "revocation";
        this.sizeBits = sizeBits;
        this.bits = BitstringStatusList.empty(sizeBits);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String purpose() {
        return purpose;
    }

    public int sizeBits() {
        return sizeBits;
    }

    public int allocated() {
        return allocated;
    }

    /** Lists are filled to half at most: random allocation stays cheap and indexes stay unguessable. */
    public boolean hasRoom() {
        return allocated < sizeBits / 2;
    }

    public void allocatedOne() {
        allocated++;
    }

    public byte[] bits() {
        return bits.clone();
    }

    public boolean isSet(int index) {
        return BitstringStatusList.get(bits, index);
    }

    public void set(int index, Instant now) {
        byte[] copy = bits.clone();
        BitstringStatusList.set(copy, index, true);
        bits = copy;
        updatedAt = now;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
