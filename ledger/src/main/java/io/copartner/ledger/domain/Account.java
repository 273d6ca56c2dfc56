package io.copartner.ledger.domain;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account: an owner's balance of one asset. The balance column is never written through JPA
 * ({@code updatable = false}); it moves only by the guarded UPDATE in the repository, which applies the range
 * {@link BalanceRule} gave each {@link Move} to the locked row, so concurrent posts cannot take a non-negative
 * account below zero.
 */
@Entity
@Table(name = "account", schema = "ledger")
public class Account {

    @Id
    private UUID id;

    @Column(nullable = false, length = 300, updatable = false)
    private String owner;

    @Column(nullable = false, length = 70, updatable = false)
    private String asset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private AccountKind kind;

    @Column(length = 200, updatable = false)
    private String name;

    @Column(length = 100, unique = true, updatable = false)
    private String code;

    @Column(name = "non_negative", nullable = false, updatable = false)
    private boolean nonNegative;

    @Column(nullable = false, updatable = false)
    private long balance;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    /** Opens an account with a zero balance; checks the owner syntax and that the kind fits the asset. */
    public static Account open(UUID id, String owner, Asset asset, AccountKind kind, String name, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        if (kind == null) {
            throw ProblemException.badRequest("kind is required");
        }
        Owners.requireValid(owner);
        if (kind == AccountKind.POINTS_ISSUED && !asset.isPoints()) {
            throw ProblemException.badRequest("a POINTS_ISSUED account must hold a points asset (PTS:<brand>), not " + asset);
        }
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw ProblemException.badRequest("name must be 1..200 characters when given");
        }
        Account a = new Account();
        a.id = id;
        a.owner = owner;
        a.asset = asset.code();
        a.kind = kind;
        a.name = name;
        a.nonNegative = !kind.mayGoNegative();
        a.balance = 0;
        a.createdAt = Objects.requireNonNull(at, "at");
        return a;
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Asset asset() {
        return Asset.of(asset);
    }

    public AccountKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    /** True for every kind that may not go negative (wallets among them). */
    public boolean nonNegative() {
        return nonNegative;
    }

    /** The balance when this object was read; the database row is the truth under concurrency. */
    public long balance() {
        return balance;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
