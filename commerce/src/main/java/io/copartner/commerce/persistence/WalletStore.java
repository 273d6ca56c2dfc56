package io.copartner.commerce.persistence;

import io.copartner.commerce.domain.TopUp;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Wallet accounts, top-ups and accepted provider events (V1__catalogue_and_wallet.sql), in the caller's transaction. */
@ApplicationScoped
public class WalletStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public WalletStore() {
    }

    public WalletStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** Serialises the opening of one owner's wallet in one asset (two first top-ups must not open two accounts). */
    public void lockWallet(String owner, String asset) {
        byte[] h = Hashes.sha256(("copartner.commerce.wallet:" + owner + "\n" + asset).getBytes(StandardCharsets.UTF_8));
        long key = ByteBuffer.wrap(h).getLong();
        jdbc().query("select 1 from (select pg_advisory_xact_lock(?)) l", ps -> ps.setLong(1, key), rs -> 1);
    }

    public Optional<UUID> walletAccount(String owner, String asset) {
        return jdbc().query("select account_id from commerce.wallet where owner = ? and asset = ?", ps -> {
            ps.setString(1, owner);
            ps.setString(2, asset);
        }, rs -> Jdbc.uuid(rs, "account_id")).stream().findFirst();
    }

    /** The wallets in {@code asset} of those of {@code owners} who have one, by owner: one query. */
    public java.util.Map<String, UUID> walletAccounts(java.util.Collection<String> owners, String asset) {
        java.util.Map<String, UUID> found = new java.util.HashMap<>();
        if (owners.isEmpty()) {
            return found;
        }
        jdbc().query("select owner, account_id from commerce.wallet where asset = ? and owner = any (?)", ps -> {
            ps.setString(1, asset);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", owners.toArray()));
        }, rs -> found.put(rs.getString(1), Jdbc.uuid(rs, "account_id")));
        return found;
    }

    public record WalletRow(String asset, UUID accountId) {
    }

    public List<WalletRow> wallets(String owner) {
        return jdbc().query("select asset, account_id from commerce.wallet where owner = ? order by asset",
            ps -> ps.setString(1, owner), rs -> new WalletRow(rs.getString("asset"), Jdbc.uuid(rs, "account_id")));
    }

    public void addWallet(String owner, String asset, UUID accountId, Instant at) {
        jdbc().update("insert into commerce.wallet (owner, asset, account_id, created_at) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, owner);
            ps.setString(2, asset);
            ps.setObject(3, accountId);
            ps.setObject(4, Jdbc.ts(at));
        });
    }

    public void insert(TopUp t) {
        jdbc().update("insert into commerce.top_up (id, owner, asset, amount, provider, status, created_at, "
            + "audit_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, t.id());
                ps.setString(2, t.owner());
                ps.setString(3, t.asset());
                ps.setLong(4, t.amount());
                ps.setString(5, t.provider());
                ps.setString(6, t.status());
                ps.setObject(7, Jdbc.ts(t.createdAt()));
                ps.setLong(8, t.auditEntryId());
            });
    }

    public Optional<TopUp> find(UUID id) {
        return jdbc().query("select * from commerce.top_up where id = ?", ps -> ps.setObject(1, id),
            WalletStore::topUp).stream().findFirst();
    }

    public Optional<TopUp> lock(UUID id) {
        return jdbc().query("select * from commerce.top_up where id = ? for update", ps -> ps.setObject(1, id),
            WalletStore::topUp).stream().findFirst();
    }

    public void complete(UUID id, String eventId, UUID ledgerEntryId, Instant at) {
        jdbc().update("update commerce.top_up set status = 'COMPLETED', completed_at = ?, provider_event_id = ?, "
            + "ledger_entry_id = ? where id = ? and status = 'PENDING'", ps -> {
                ps.setObject(1, Jdbc.ts(at));
                ps.setString(2, eventId);
                ps.setObject(3, ledgerEntryId);
                ps.setObject(4, id);
            });
    }

    /**
     * Records a provider event as accepted; false when its id was accepted before (a replay). A concurrent delivery of
     * the same id waits here for the first one's transaction and then sees it.
     */
    public boolean acceptEvent(String provider, String eventId, UUID topUpId, Instant at) {
        return jdbc().update("insert into commerce.payment_event (provider, event_id, top_up_id, received_at) "
            + "values (?, ?, ?, ?) on conflict do nothing", ps -> {
                ps.setString(1, provider);
                ps.setString(2, eventId);
                ps.setObject(3, topUpId);
                ps.setObject(4, Jdbc.ts(at));
            }) == 1;
    }

    public boolean eventSeen(String provider, String eventId) {
        return !jdbc().query("select 1 from commerce.payment_event where provider = ? and event_id = ?", ps -> {
            ps.setString(1, provider);
            ps.setString(2, eventId);
        }, rs -> 1).isEmpty();
    }

    static TopUp topUp(ResultSet rs) throws SQLException {
        return new TopUp(Jdbc.uuid(rs, "id"), rs.getString("owner"), rs.getString("asset"), rs.getLong("amount"),
            rs.getString("provider"), rs.getString("status"), Jdbc.instant(rs, "created_at"),
            Jdbc.instant(rs, "completed_at"), rs.getString("provider_event_id"), Jdbc.uuid(rs, "ledger_entry_id"),
            rs.getLong("audit_entry_id"));
    }
}
