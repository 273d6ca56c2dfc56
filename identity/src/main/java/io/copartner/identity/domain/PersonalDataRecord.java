package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A party's personal data (name, phone, address), stored apart from identifiers and never audited. */
@Entity
@Table(name = "personal_data", schema = "identity")
public class PersonalDataRecord {

    @Id
    @Column(name = "party_id", length = 200)
    private String partyId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "phone", nullable = false, length = 40)
    private String phone;

    @Column(name = "address", nullable = false, length = 500)
    private String address;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonalDataRecord() {
    }

    public PersonalDataRecord(String partyId) {
        this.partyId = partyId;
    }

    public void update(String name, String phone, String address, Instant at) {
        this.name = name;
        this.phone = phone;
        this.address = address;
        this.updatedAt = at;
    }

    public String partyId() {
        return partyId;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
