package io.copartner.governance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A roster entry: a did:key partner, a member from their first authenticated call. */
@Entity
@Table(name = "member", schema = "governance")
public class MemberRecord {

    @Id
    @Column(name = "did", length = 300)
    private String did;

    @Column(name = "party_id", nullable = false, length = 300)
    private String partyId;

    @Column(name = "member_since", nullable = false)
    private Instant memberSince;

    protected MemberRecord() {
    }

    public MemberRecord(String did, String partyId, Instant memberSince) {
        this.did = did;
        this.partyId = partyId;
        this.memberSince = memberSince;
    }

    public String did() { return did; }
    public String partyId() { return partyId; }
    public Instant memberSince() { return memberSince; }
}
