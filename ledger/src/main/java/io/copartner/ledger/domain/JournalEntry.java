package io.copartner.ledger.domain;

import io.copartner.ledger.api.EntryKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A posted journal entry (header), as read back. Immutable: every column is insert-only and the table refuses
 * UPDATE/DELETE. It is written only from an {@link EntryPlan} by the repository's guarded move, never through JPA,
 * so it has no constructor beyond the one JPA needs.
 */
@Entity
@Table(name = "journal_entry", schema = "ledger")
public class JournalEntry {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private EntryKind kind;

    @Column(length = 500, updatable = false)
    private String memo;

    @Column(unique = true, updatable = false)
    private UUID reverses;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "audit_entry_id", nullable = false, updatable = false)
    private long auditEntryId;

    @Column(name = "posted_by", nullable = false, length = 300, updatable = false)
    private String postedBy;

    protected JournalEntry() {
    }

    public UUID id() {
        return id;
    }

    public EntryKind kind() {
        return kind;
    }

    public String memo() {
        return memo;
    }

    public UUID reverses() {
        return reverses;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public long auditEntryId() {
        return auditEntryId;
    }

    public String postedBy() {
        return postedBy;
    }
}
