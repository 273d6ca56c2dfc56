package io.copartner.commerce.persistence;

import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reviews (V3__reviews.sql), in the caller's transaction; the table's trigger keeps them immutable. */
@ApplicationScoped
public class ReviewStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public ReviewStore() {
    }

    public ReviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** A review row. */
    public record Row(UUID id, long seq, UUID orderId, int lineNo, UUID productId, String merchantId, String buyer,
                      int rating, String text, String textSha256, Instant createdAt, long auditEntryId, String reply,
                      Instant repliedAt, String hiddenReason, Instant hiddenAt) {
    }

    /** False (nothing written) when the line has its review already. */
    public boolean insert(Row r) {
        return jdbc().update("insert into commerce.review (id, order_id, line_no, product_id, merchant_id, buyer, "
            + "rating, text, text_sha256, created_at, audit_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (order_id, line_no) do nothing", ps -> {
                ps.setObject(1, r.id());
                ps.setObject(2, r.orderId());
                ps.setInt(3, r.lineNo());
                ps.setObject(4, r.productId());
                ps.setString(5, r.merchantId());
                ps.setString(6, r.buyer());
                ps.setInt(7, r.rating());
                ps.setString(8, r.text());
                ps.setString(9, r.textSha256());
                ps.setObject(10, Jdbc.ts(r.createdAt()));
                ps.setLong(11, r.auditEntryId());
            }) == 1;
    }

    /** The reply, unless there is one already (false then). */
    public boolean reply(UUID id, String text, Instant at, long auditEntryId) {
        return jdbc().update("update commerce.review set reply = ?, replied_at = ?, reply_audit_entry_id = ? "
            + "where id = ? and reply is null", ps -> {
                ps.setString(1, text);
                ps.setObject(2, Jdbc.ts(at));
                ps.setLong(3, auditEntryId);
                ps.setObject(4, id);
            }) == 1;
    }

    /** Hides the text with a reason, unless hidden already (false then). */
    public boolean hide(UUID id, String reason, Instant at, long auditEntryId) {
        return jdbc().update("update commerce.review set hidden_reason = ?, hidden_at = ?, hidden_audit_entry_id = ? "
            + "where id = ? and hidden_reason is null", ps -> {
                ps.setString(1, reason);
                ps.setObject(2, Jdbc.ts(at));
                ps.setLong(3, auditEntryId);
                ps.setObject(4, id);
            }) == 1;
    }

    public Optional<Row> find(UUID id) {
        return jdbc().query("select * from commerce.review where id = ?", ps -> ps.setObject(1, id), ReviewStore::row)
            .stream().findFirst();
    }

    public Optional<Row> lock(UUID id) {
        return jdbc().query("select * from commerce.review where id = ? for update", ps -> ps.setObject(1, id),
            ReviewStore::row).stream().findFirst();
    }

    public Optional<UUID> ofLine(UUID orderId, int lineNo) {
        return jdbc().query("select id from commerce.review where order_id = ? and line_no = ?", ps -> {
            ps.setObject(1, orderId);
            ps.setInt(2, lineNo);
        }, rs -> Jdbc.uuid(rs, "id")).stream().findFirst();
    }

    /** A product's reviews, newest first, below the cursor's seq. */
    public List<Row> page(UUID productId, long beforeSeq, int limit) {
        return jdbc().query("select * from commerce.review where product_id = ? and seq < ? order by seq desc limit ?",
            ps -> {
                ps.setObject(1, productId);
                ps.setLong(2, beforeSeq);
                ps.setInt(3, limit);
            }, ReviewStore::row);
    }

    /** Count and sum of ratings of every review of the product (hidden ones too: the rating is not hidden). */
    public long[] stats(UUID productId) {
        return jdbc().query("select count(*), coalesce(sum(rating), 0) from commerce.review where product_id = ?",
            ps -> ps.setObject(1, productId), rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(Jdbc.uuid(rs, "id"), rs.getLong("seq"), Jdbc.uuid(rs, "order_id"), rs.getInt("line_no"),
            Jdbc.uuid(rs, "product_id"), rs.getString("merchant_id"), rs.getString("buyer"), rs.getInt("rating"),
            rs.getString("text"), rs.getString("text_sha256"), Jdbc.instant(rs, "created_at"),
            rs.getLong("audit_entry_id"), rs.getString("reply"), Jdbc.instant(rs, "replied_at"),
            rs.getString("hidden_reason"), Jdbc.instant(rs, "hidden_at"));
    }
}
