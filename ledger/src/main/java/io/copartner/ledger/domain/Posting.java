package io.copartner.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a posted entry. {@code seq} is assigned by the database while the entry holds its accounts' row
 * locks, so per account it is the order in which the balance moved, and {@code balanceAfter} chains along it.
 * Written only from an {@link EntryPlan} by the repository's guarded move, never through JPA.
 */
@Entity
@Table(name = "posting", schema = "ledger")
public class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private UUID entryId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, length = 70, updatable = false)
    private String asset;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(name = "balance_after", nullable = false, updatable = false)
    private long balanceAfter;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected Posting() {
    }

    public Long seq() {
        return seq;
    }

    public UUID entryId() {
        return entryId;
    }

    public UUID accountId() {
        return accountId;
    }

    public String asset() {
        return asset;
    }

    public long amount() {
        return amount;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
