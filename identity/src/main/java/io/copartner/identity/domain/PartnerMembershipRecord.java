package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Since when a party is a partner and its tier, the facts of its self-issued membership credential. */
@Entity
@Table(name = "partner_membership", schema = "identity")
public class PartnerMembershipRecord {

    @Id
    @Column(name = "party_id", length = 200)
    private String partyId;

    @Column(name = "partner_since", nullable = false)
    private LocalDate partnerSince;

    @Column(name = "tier", nullable = false, length = 32)
    private String tier;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartnerMembershipRecord() {
    }

    public PartnerMembershipRecord(String partyId, LocalDate partnerSince, String tier, Instant createdAt) {
        this.partyId = partyId;
        this.partnerSince = partnerSince;
        this.tier = tier;
        this.createdAt = createdAt;
    }

    public LocalDate partnerSince() {
        return partnerSince;
    }

    public String tier() {
        return tier;
    }
}
