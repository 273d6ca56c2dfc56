package io.copartner.commerce.service;

import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.NewProduct;
import io.copartner.commerce.api.ProductChange;
import io.copartner.commerce.api.ProductPage;
import io.copartner.commerce.api.ProductQuery;
import io.copartner.commerce.api.ProductVersionView;
import io.copartner.commerce.api.ProductView;
import io.copartner.commerce.domain.CategoryPolicy;
import io.copartner.commerce.domain.Gtin;
import io.copartner.commerce.domain.ListingStatus;
import io.copartner.commerce.domain.Product;
import io.copartner.commerce.domain.ProductContent;
import io.copartner.commerce.domain.ProductVersion;
import io.copartner.commerce.persistence.CatalogueStore;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.identity.api.MerchantAdministration;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.json.CanonicalJson;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalogue: merchants' writes (each a new immutable version with its audit entry, under an Idempotency-Key)
 * and the public reads. The listing decision by category is {@link CategoryPolicy}; the approval by governance comes
 * through {@link ListingObserver}.
 */
@ApplicationScoped
public class CatalogueService implements Catalogue {

    static final String CREATE = "commerce.product.create";
    static final String CHANGE = "commerce.product.change";
    static final String VERIFIED = "VERIFIED";

    @Inject
    CatalogueStore store;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    MerchantAccess merchantAccess;

    @Inject
    MerchantAdministration merchants;

    @Inject
    CommerceClock clock;

    /** Categories whose products wait for a PRODUCT_LISTING proposal (env COPARTNER_COMMERCE_LISTING_CATEGORIES). */
    @Inject
    @ConfigProperty(name = "copartner.commerce.listing-categories", defaultValue = "alcohol,tobacco,health-supplements")
    String listingCategories;

    private volatile CategoryPolicy policy;

    CategoryPolicy policy() {
        if (policy == null) {
            policy = CategoryPolicy.parse(listingCategories);
        }
        return policy;
    }

    @Override
    @Transactional
    public Idempotent<ProductView> create(PartyId actor, NewProduct request, IdempotencyKey key, String fingerprint) {
        Instant now = clock.now();
        UUID id = Ids.newId();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, CREATE, actor, fingerprint),
            id.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(UUID.fromString(earlier.get())));
        }
        MerchantAdministration.MerchantView merchant = verifiedMerchant(actor);
        if (request == null) {
            throw ProblemException.badRequest("a product body is required");
        }
        Gtin gtin = Gtin.parse(request.gtin());
        String category = CategoryPolicy.category(request.category());
        ProductContent content = ProductContent.of(request, category);
        ListingStatus status = ListingStatus.initial(policy().needsApproval(category));
        Product product = new Product(id, 0, merchant.id(), merchant.did(), gtin, category, status, false, 1, now,
            status == ListingStatus.LIVE ? now : null, null, content.stock());
        if (!store.insert(product, content)) {
            throw ProblemException.of(ProblemType.GTIN_TAKEN, "GTIN " + gtin + " is already a product's here");
        }
        Map<String, Object> payload = payload(product, 1, content);
        payload.put("gtin", gtin.value());
        payload.put("category", category);
        payload.put("status", status.name());
        AuditReceipt receipt = audit.record("commerce.product.created", subject(id), now, payload);
        store.addVersion(new ProductVersion(id, 1, content, List.of("created"), now, actor.value(),
            receipt.entryId()));
        return Idempotent.fresh(view(id));
    }

    @Override
    @Transactional
    public Idempotent<ProductView> change(PartyId actor, UUID productId, ProductChange change, IdempotencyKey key,
                                          String fingerprint) {
        Instant now = clock.now();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, CHANGE, actor, fingerprint),
            productId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(productId));
        }
        MerchantAdministration.MerchantView merchant = verifiedMerchant(actor);
        Product product = store.lock(productId).orElseThrow(() -> notFound(productId));
        if (!product.merchantId().equals(merchant.id())) {
            throw ProblemException.forbidden("Only the product's own merchant changes it.");
        }
        if (change != null && change.baseVersion() != null && change.baseVersion() != product.currentVersion()) {
            throw ProblemException.of(ProblemType.VERSION_CONFLICT, "baseVersion " + change.baseVersion()
                + " is not the current version " + product.currentVersion());
        }
        ProductVersion current = store.version(productId, product.currentVersion()).orElseThrow();
        ProductContent next = current.content().with(change);
        List<String> changed = next.changedFrom(current.content());
        if (changed.isEmpty()) {
            return Idempotent.fresh(view(productId)); // nothing differs: no version, nothing to audit
        }
        int version = product.currentVersion() + 1;
        Map<String, Object> payload = payload(product, version, next);
        payload.put("changed", changed);
        AuditReceipt receipt = audit.record("commerce.product.version-added", subject(productId), now, payload);
        store.addVersion(new ProductVersion(productId, version, next, changed, now, actor.value(),
            receipt.entryId()));
        return Idempotent.fresh(view(productId));
    }

    @Override
    @Transactional
    public Optional<ProductView> product(UUID id) {
        return store.find(id).filter(p -> !p.merchantSuspended()).map(this::view);
    }

    @Override
    @Transactional
    public Optional<List<ProductVersionView>> versions(UUID id) {
        if (store.find(id).filter(p -> !p.merchantSuspended()).isEmpty()) {
            return Optional.empty();
        }
        List<ProductVersion> versions = store.versions(id);
        Map<Long, Long> indexes = auditLog.leafIndexesOf(versions.stream().map(ProductVersion::auditEntryId).toList());
        return Optional.of(versions.stream().map(v -> new ProductVersionView(v.version(), v.content().name(),
            v.content().description(), v.content().category(), v.content().mediaUrls(), v.content().stock(),
            v.content().priceList(), v.changed(), v.createdAt(), v.createdBy(), v.auditEntryId(),
            indexes.get(v.auditEntryId()))).toList());
    }

    @Override
    @Transactional
    public ProductPage search(ProductQuery q) {
        if (q.limit() < 1 || q.limit() > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        String currency = null;
        if (q.currency() != null && !q.currency().isBlank()) {
            try {
                Asset asset = Asset.of(q.currency().trim());
                if (asset.isPoints()) {
                    throw new IllegalArgumentException("prices are in ISO 4217 currencies");
                }
                currency = asset.code();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("currency: " + e.getMessage());
            }
        }
        if ((q.minPrice() != null || q.maxPrice() != null) && currency == null) {
            throw ProblemException.badRequest("minPrice and maxPrice need a currency");
        }
        if ((q.minPrice() != null && q.minPrice() < 0) || (q.maxPrice() != null && q.maxPrice() < 0)) {
            throw ProblemException.badRequest("minPrice and maxPrice are minor units, never negative");
        }
        String name = blankToNull(q.q());
        if (name != null && name.length() > 200) {
            throw ProblemException.badRequest("q: at most 200 characters");
        }
        String category = blankToNull(q.category()) == null ? null : CategoryPolicy.category(q.category());
        String merchantId = blankToNull(q.merchantId());
        if (merchantId != null && merchantId.length() > 100) {
            throw ProblemException.badRequest("merchantId: at most 100 characters");
        }
        List<Product> rows = new ArrayList<>(store.search(new CatalogueStore.Filter(name, category, merchantId,
            currency, q.minPrice(), q.maxPrice(), decodeCursor(q.cursor()), q.limit() + 1)));
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            next = encodeCursor(rows.get(q.limit() - 1).seq());
        }
        Map<UUID, ProductVersion> current = store.currentVersions(rows);
        return new ProductPage(rows.stream().map(p -> view(p, current.get(p.id()))).toList(), next);
    }

    @Override
    @Transactional
    public ProductPage ofMerchant(PartyId actor, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        String merchantId = merchantAccess.merchantIdOf(actor.local()).orElseThrow(() -> ProblemException.of(
            ProblemType.MERCHANT_NOT_VERIFIED, "This account is not a merchant administered here."));
        List<Product> rows = new ArrayList<>(store.ofMerchant(merchantId, decodeCursor(cursor), limit + 1));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = encodeCursor(rows.get(limit - 1).seq());
        }
        Map<UUID, ProductVersion> current = store.currentVersions(rows);
        return new ProductPage(rows.stream().map(p -> view(p, current.get(p.id()))).toList(), next);
    }

    @Override
    @Transactional
    public ProductView purchasable(UUID id) {
        // One read of the row: a product hidden because its merchant is suspended exists but cannot be bought.
        Product row = store.find(id).orElseThrow(() -> notFound(id));
        if (row.merchantSuspended()) {
            throw ProblemException.of(ProblemType.PRODUCT_UNAVAILABLE, "product " + id + "'s merchant is suspended");
        }
        ProductView p = view(row);
        if (!ListingStatus.LIVE.name().equals(p.status())) {
            throw ProblemException.of(ProblemType.PRODUCT_UNAVAILABLE, "product " + id + " awaits listing approval");
        }
        if (!VERIFIED.equals(merchants.get(p.merchantId()).status())) {
            throw ProblemException.of(ProblemType.PRODUCT_UNAVAILABLE, "product " + id
                + "'s merchant is not verified or is suspended");
        }
        return p;
    }

    /** The caller's merchant, if it is a verified one administered here (suspended is not verified). */
    MerchantAdministration.MerchantView verifiedMerchant(PartyId actor) {
        String merchantId = merchantAccess.merchantIdOf(actor.local()).orElseThrow(() -> ProblemException.of(
            ProblemType.MERCHANT_NOT_VERIFIED, "This account is not a merchant administered here."));
        MerchantAdministration.MerchantView m = merchants.get(merchantId);
        if (!VERIFIED.equals(m.status())) {
            throw ProblemException.of(ProblemType.MERCHANT_NOT_VERIFIED, "Merchant " + merchantId + " is "
                + m.status() + ": only a verified merchant lists or changes products.");
        }
        return m;
    }

    ProductView view(UUID id) {
        Product p = store.find(id).orElseThrow(() -> notFound(id));
        return view(p);
    }

    private ProductView view(Product p) {
        return view(p, store.version(p.id(), p.currentVersion()).orElseThrow());
    }

    static ProductView view(Product p, ProductVersion v) {
        ProductContent c = v.content();
        return new ProductView(p.id(), p.gtin().value(), p.merchantId(), p.merchantDid(), p.category(),
            p.status().name(), p.currentVersion(), c.name(), c.description(), c.mediaUrls(), p.stock(),
            c.priceList(), p.createdAt(), v.createdAt(), p.listedAt(), p.listingProposal());
    }

    static String subject(UUID productId) {
        return "product:" + productId;
    }

    /** The audit payload of a version: what was written, hashed whole, with prices and stock in clear. */
    private static Map<String, Object> payload(Product p, int version, ProductContent c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("productId", p.id().toString());
        payload.put("merchantId", p.merchantId());
        payload.put("version", version);
        Map<String, Object> prices = new LinkedHashMap<>();
        c.prices().forEach((k, v) -> prices.put(k, Long.toString(v)));
        payload.put("prices", prices);
        payload.put("stock", Long.toString(c.stock()));
        payload.put("contentSha256", contentHash(c));
        return payload;
    }

    /** SHA-256 of the version's RFC 8785 canonical JSON: anyone can recompute it from the public version. */
    static String contentHash(ProductContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("category", c.category());
        m.put("mediaUrls", c.mediaUrls());
        m.put("stock", Long.toString(c.stock()));
        Map<String, Object> prices = new LinkedHashMap<>();
        c.prices().forEach((k, v) -> prices.put(k, Long.toString(v)));
        m.put("prices", prices);
        String json = CanonicalJson.writeSimple(m).orElseThrow();
        return Hashes.hex(Hashes.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No product " + id + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.matches("p[0-9]{1,18}")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(s.substring(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this API gave out");
        }
    }
}
