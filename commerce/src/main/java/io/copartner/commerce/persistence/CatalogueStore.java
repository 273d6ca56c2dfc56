package io.copartner.commerce.persistence;

import io.copartner.commerce.domain.Gtin;
import io.copartner.commerce.domain.ListingStatus;
import io.copartner.commerce.domain.Product;
import io.copartner.commerce.domain.ProductContent;
import io.copartner.commerce.domain.ProductVersion;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The catalogue tables (V1__catalogue_and_wallet.sql) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
public class CatalogueStore {

    static final String PRODUCT_COLUMNS = "p.id, p.seq, p.merchant_id, p.merchant_did, p.gtin, p.category, p.status, "
        + "p.merchant_suspended, p.current_version, p.created_at, p.listed_at, p.listing_proposal, p.stock";

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public CatalogueStore() {
    }

    public CatalogueStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** Inserts the product row; false (nothing written) when its GTIN is already a product's. */
    public boolean insert(Product p, ProductContent first) {
        return jdbc().update("insert into commerce.product (id, merchant_id, merchant_did, gtin, category, status, "
            + "merchant_suspended, current_version, name, stock, created_at, listed_at) values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (gtin) do nothing", ps -> {
                ps.setObject(1, p.id());
                ps.setString(2, p.merchantId());
                ps.setString(3, p.merchantDid());
                ps.setString(4, p.gtin().value());
                ps.setString(5, p.category());
                ps.setString(6, p.status().name());
                ps.setBoolean(7, p.merchantSuspended());
                ps.setInt(8, p.currentVersion());
                ps.setString(9, first.name());
                ps.setLong(10, first.stock());
                ps.setObject(11, Jdbc.ts(p.createdAt()));
                ps.setObject(12, Jdbc.ts(p.listedAt()));
            }) == 1;
    }

    /** Appends a version and makes it current (the product row is locked by {@link #lock} first). */
    public void addVersion(ProductVersion v) {
        ProductContent c = v.content();
        jdbc().update("insert into commerce.product_version (product_id, version, name, description, category, "
            + "media_urls, stock, prices, changed, created_at, created_by, audit_entry_id) values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, v.productId());
                ps.setInt(2, v.version());
                ps.setString(3, c.name());
                ps.setString(4, c.description());
                ps.setString(5, c.category());
                ps.setString(6, c.encodedMedia());
                ps.setLong(7, c.stock());
                ps.setString(8, c.encodedPrices());
                ps.setString(9, String.join(",", v.changed()));
                ps.setObject(10, Jdbc.ts(v.createdAt()));
                ps.setString(11, v.createdBy());
                ps.setLong(12, v.auditEntryId());
            });
        jdbc().update("update commerce.product set current_version = ?, name = ?, stock = ? where id = ?", ps -> {
            ps.setInt(1, v.version());
            ps.setString(2, c.name());
            ps.setLong(3, c.stock());
            ps.setObject(4, v.productId());
        });
        jdbc().update("delete from commerce.product_price where product_id = ?", ps -> ps.setObject(1, v.productId()));
        for (Map.Entry<String, Long> price : c.prices().entrySet()) {
            jdbc().update("insert into commerce.product_price (product_id, currency, amount) values (?, ?, ?)", ps -> {
                ps.setObject(1, v.productId());
                ps.setString(2, price.getKey());
                ps.setLong(3, price.getValue());
            });
        }
    }

    public Optional<Product> find(UUID id) {
        return jdbc().query("select " + PRODUCT_COLUMNS + " from commerce.product p where p.id = ?",
            ps -> ps.setObject(1, id), CatalogueStore::product).stream().findFirst();
    }

    /** The product row locked for this transaction (changes and listings of one product run one at a time). */
    public Optional<Product> lock(UUID id) {
        return jdbc().query("select " + PRODUCT_COLUMNS + " from commerce.product p where p.id = ? for update",
            ps -> ps.setObject(1, id), CatalogueStore::product).stream().findFirst();
    }

    public void list(UUID id, UUID proposal, Instant at) {
        jdbc().update("update commerce.product set status = 'LIVE', listed_at = ?, listing_proposal = ? where id = ?",
            ps -> {
                ps.setObject(1, Jdbc.ts(at));
                ps.setObject(2, proposal);
                ps.setObject(3, id);
            });
    }

    /** Mirrors a merchant's status onto its products; the number of products changed. */
    public int setMerchantSuspended(String merchantId, boolean suspended) {
        return jdbc().update("update commerce.product set merchant_suspended = ? where merchant_id = ? "
            + "and merchant_suspended <> ?", ps -> {
                ps.setBoolean(1, suspended);
                ps.setString(2, merchantId);
                ps.setBoolean(3, suspended);
            });
    }

    public Optional<ProductVersion> version(UUID productId, int version) {
        return jdbc().query("select * from commerce.product_version where product_id = ? and version = ?", ps -> {
            ps.setObject(1, productId);
            ps.setInt(2, version);
        }, CatalogueStore::version).stream().findFirst();
    }

    public List<ProductVersion> versions(UUID productId) {
        return jdbc().query("select * from commerce.product_version where product_id = ? order by version",
            ps -> ps.setObject(1, productId), CatalogueStore::version);
    }

    /** Current versions of several products at once. */
    public Map<UUID, ProductVersion> currentVersions(List<Product> products) {
        Map<UUID, ProductVersion> out = new java.util.HashMap<>();
        if (products.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("select v.* from commerce.product_version v join commerce.product p "
            + "on p.id = v.product_id and p.current_version = v.version where p.id in (");
        for (int i = 0; i < products.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        for (ProductVersion v : jdbc().query(sql.toString(), ps -> {
            for (int i = 0; i < products.size(); i++) {
                ps.setObject(i + 1, products.get(i).id());
            }
        }, CatalogueStore::version)) {
            out.put(v.productId(), v);
        }
        return out;
    }

    /** What browse filters by; null members do not filter. */
    public record Filter(String nameContains, String category, String merchantId, String currency, Long minPrice,
                         Long maxPrice, long afterSeq, int limit) {
    }

    /** Live products of non-suspended merchants matching the filter, by seq after the cursor. */
    public List<Product> search(Filter f) {
        StringBuilder sql = new StringBuilder("select " + PRODUCT_COLUMNS + " from commerce.product p");
        List<Object> args = new ArrayList<>();
        if (f.currency() != null) {
            sql.append(" join commerce.product_price pr on pr.product_id = p.id and pr.currency = ?");
            args.add(f.currency());
            if (f.minPrice() != null) {
                sql.append(" and pr.amount >= ?");
                args.add(f.minPrice());
            }
            if (f.maxPrice() != null) {
                sql.append(" and pr.amount <= ?");
                args.add(f.maxPrice());
            }
        }
        sql.append(" where p.status = 'LIVE' and not p.merchant_suspended and p.seq > ?");
        args.add(f.afterSeq());
        if (f.category() != null) {
            sql.append(" and p.category = ?");
            args.add(f.category());
        }
        if (f.merchantId() != null) {
            sql.append(" and p.merchant_id = ?");
            args.add(f.merchantId());
        }
        if (f.nameContains() != null) {
            // A substring, not a pattern: LIKE's wildcards in the query are escaped.
            sql.append(" and lower(p.name) like ? escape '\\'");
            args.add("%" + f.nameContains().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by p.seq limit ?");
        args.add(f.limit());
        return jdbc().query(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else if (a == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
        }, CatalogueStore::product);
    }

    /** Every product of one merchant, whatever its listing state or suspension, by seq after the cursor. */
    public List<Product> ofMerchant(String merchantId, long afterSeq, int limit) {
        return jdbc().query("select " + PRODUCT_COLUMNS + " from commerce.product p where p.merchant_id = ? "
            + "and p.seq > ? order by p.seq limit ?", ps -> {
                ps.setString(1, merchantId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
            }, CatalogueStore::product);
    }

    static Product product(ResultSet rs) throws SQLException {
        return new Product(Jdbc.uuid(rs, "id"), rs.getLong("seq"), rs.getString("merchant_id"),
            rs.getString("merchant_did"), new Gtin(rs.getString("gtin")), rs.getString("category"),
            ListingStatus.valueOf(rs.getString("status")), rs.getBoolean("merchant_suspended"),
            rs.getInt("current_version"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "listed_at"),
            Jdbc.uuid(rs, "listing_proposal"), rs.getLong("stock"));
    }

    static ProductVersion version(ResultSet rs) throws SQLException {
        ProductContent c = new ProductContent(rs.getString("name"), rs.getString("description"),
            rs.getString("category"), ProductContent.decodeMedia(rs.getString("media_urls")), rs.getLong("stock"),
            ProductContent.decodePrices(rs.getString("prices")));
        String changed = rs.getString("changed");
        return new ProductVersion(Jdbc.uuid(rs, "product_id"), rs.getInt("version"), c,
            changed.isEmpty() ? List.of() : List.of(changed.split(",")), Jdbc.instant(rs, "created_at"),
            rs.getString("created_by"), rs.getLong("audit_entry_id"));
    }
}
