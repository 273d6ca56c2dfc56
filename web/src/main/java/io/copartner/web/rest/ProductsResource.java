package io.copartner.web.rest;

import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.NewProduct;
import io.copartner.commerce.api.Price;
import io.copartner.commerce.api.ProductChange;
import io.copartner.commerce.api.ProductPage;
import io.copartner.commerce.api.ProductQuery;
import io.copartner.commerce.api.ProductVersionView;
import io.copartner.commerce.api.ProductView;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalogue: public browse, search, products and their version history; writes by the product's verified merchant,
 * each a new immutable version with its audit entry. (One class on {@code products}: RESTEasy merges only classes of
 * the same root path.)
 */
@Path("products")
@RequestScoped
@Tag(name = "commerce")
public class ProductsResource {

    static final String PROBLEM = "application/problem+json";
    static final String PRODUCT = """
        {"id":"01936b2f-0000-7000-8000-00000000a001","gtin":"04012345678901","merchantId":"m-7f3a",\
        "merchantDid":"did:web:copartner.example:merchants:m-7f3a","category":"tea","status":"LIVE","version":2,\
        "name":"Spring green tea 100 g","description":"First flush, hand-picked.",\
        "mediaUrls":["https://cdn.copartner.example/tea.jpg"],"stock":120,\
        "prices":[{"currency":"CNY","amount":6800},{"currency":"USD","amount":990}],\
        "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-02T09:00:00Z","listedAt":"2026-12-01T10:00:00Z",\
        "listingProposal":null}""";
    static final String NEW_PRODUCT = """
        {"gtin":"04012345678901","name":"Spring green tea 100 g","description":"First flush, hand-picked.",\
        "category":"tea","mediaUrls":["https://cdn.copartner.example/tea.jpg"],"stock":120,\
        "prices":[{"currency":"CNY","amount":6800},{"currency":"USD","amount":990}]}""";
    static final String VERSIONS = """
        [{"version":1,"name":"Spring green tea 100 g","description":"First flush.","category":"tea",\
        "mediaUrls":["https://cdn.copartner.example/tea.jpg"],"stock":120,"prices":[{"currency":"CNY","amount":7200}],\
        "changed":["created"],"createdAt":"2026-12-01T10:00:00Z","createdBy":"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e",\
        "auditEntryId":812,"auditIndex":811},\
        {"version":2,"name":"Spring green tea 100 g","description":"First flush, hand-picked.","category":"tea",\
        "mediaUrls":["https://cdn.copartner.example/tea.jpg"],"stock":120,"prices":[{"currency":"CNY","amount":6800}],\
        "changed":["description","prices"],"createdAt":"2026-12-02T09:00:00Z",\
        "createdBy":"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e","auditEntryId":977,"auditIndex":null}]""";

    @Inject
    Catalogue catalogue;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @POST
    @RolesAllowed("merchant")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProduct", summary = "List a product (verified merchants)",
        description = "A verified, non-suspended merchant creates a product: GTIN (8, 12, 13 or 14 digits with a valid "
            + "GS1 check digit, stored as GTIN-14, unique on the platform), name, description, category (a slug), "
            + "media URLs, stock and one price per ISO 4217 currency in minor units. Categories named in "
            + "COPARTNER_COMMERCE_LISTING_CATEGORIES start AWAITING_APPROVAL until a PRODUCT_LISTING proposal whose "
            + "productRef is the product id is executed; any other goes LIVE at once. Version 1 and its audit entry "
            + "are written in the same transaction. Idempotency-Key required: a retry answers the first product.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewProduct.class),
        examples = @ExampleObject(name = "tea", value = NEW_PRODUCT)))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDoc.class),
            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad field (validation) or a bad GTIN "
        + "(gtin-invalid); a missing Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a merchant, or not verified / suspended "
        + "(merchant-not-verified)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The GTIN is already a product's (gtin-taken), or the "
        + "Idempotency-Key was used for another request", content = @Content(mediaType = PROBLEM))
    public Response create(
        @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true, description = MerchantAdminResource.KEY)
        String idempotencyKey, String body) {
        PartyId actor = actor();
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        NewProduct product = read(body, NewProduct.class, "a product");
        String fingerprint = fingerprint("commerce.product.create", actor, body);
        Idempotent<ProductView> created = catalogue.create(actor, product, key, fingerprint);
        return IdempotentResponses.of(Response.Status.CREATED, created);
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProducts", summary = "Browse and search live products (public)",
        description = "Live products of non-suspended merchants, oldest listing first. Filters (all optional): q "
            + "(case-insensitive substring of the name), category, merchantId, and a price range minPrice..maxPrice "
            + "(minor units, inclusive) in currency (which also keeps only products priced in it). Pass next as "
            + "cursor for the following page (null on the last).")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProductPageDoc.class),
        examples = @ExampleObject(name = "page", value = "{\"items\":[" + PRODUCT + "],\"next\":null}")))
    @APIResponse(responseCode = "400", description = "A bad filter, cursor or limit", content = @Content(mediaType = PROBLEM))
    public ProductPage list(@QueryParam("q") @Parameter(description = "part of the name") String q,
                            @QueryParam("category") @Parameter(example = "tea") String category,
                            @QueryParam("merchantId") String merchantId,
                            @QueryParam("currency") @Parameter(example = "CNY") String currency,
                            @QueryParam("minPrice") @Parameter(description = "minor units, needs currency") String minPrice,
                            @QueryParam("maxPrice") @Parameter(description = "minor units, needs currency") String maxPrice,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("limit") @Parameter(description = "1..100, default 20") String limit) {
        return catalogue.search(new ProductQuery(q, category, merchantId, currency, number(minPrice, "minPrice"),
            number(maxPrice, "maxPrice"), cursor, limit == null || limit.isBlank() ? 20
                : Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(limit, "limit"))))));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProduct", summary = "One product (public)",
        description = "The product with its current version's content; status LIVE or AWAITING_APPROVAL (so voters "
            + "can inspect a product a listing proposal names). stock is the live count left to buy (orders take "
            + "from it, cancellations and refunds give back), not the version's stock, which records what the "
            + "merchant set. A suspended merchant's products are hidden (404).")
    @APIResponse(responseCode = "200", description = "The product",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDoc.class),
            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", description = "No such product, or hidden", content = @Content(mediaType = PROBLEM))
    public ProductView get(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = "the product id") String id) {
        UUID uuid = uuid(id);
        return catalogue.product(uuid).orElseThrow(() -> ProblemException.notFound("No product " + id + "."));
    }

    @GET
    @Path("{id}/versions")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProductVersions", summary = "Every version of a product (public)",
        description = "Oldest first; versions are never changed or removed. Each names the fields it changed and its "
            + "audit entry: auditIndex is its leaf index in the public audit log (GET /api/v1/audit/entries/{index}, "
            + "inclusion proofs), null only until the sequencer has placed it.")
    @APIResponse(responseCode = "200", description = "The versions",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductVersionDoc.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "versions", value = VERSIONS)))
    @APIResponse(responseCode = "404", description = "No such product, or hidden", content = @Content(mediaType = PROBLEM))
    public List<ProductVersionView> versions(@PathParam("id") @Parameter(in = ParameterIn.PATH,
        description = "the product id") String id) {
        return catalogue.versions(uuid(id)).orElseThrow(() -> ProblemException.notFound("No product " + id + "."));
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed("merchant")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeProduct", summary = "Change a product: a new immutable version",
        description = "The product's own verified merchant changes name, description, media URLs, stock or prices "
            + "(absent fields keep their value; GTIN and category are fixed). Each change that differs is a new "
            + "version with its audit entry; a change that differs in nothing writes nothing (200). baseVersion, if "
            + "given, must be the current version (else 409 version-conflict). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProductChange.class),
        examples = @ExampleObject(name = "newPrice", value = "{\"baseVersion\":1,\"description\":\"First flush, "
            + "hand-picked.\",\"prices\":[{\"currency\":\"CNY\",\"amount\":6800}]}")))
    @APIResponse(responseCode = "201", description = "The product at its new version (or, for a repeated "
        + "Idempotency-Key, the product now)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductDoc.class), examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "200", description = "Nothing differed: no new version",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDoc.class),
            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "400", description = "Malformed body or a bad field; a missing Idempotency-Key",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not the product's merchant, or not verified "
        + "(merchant-not-verified)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Stale baseVersion (version-conflict) or the Idempotency-Key was "
        + "used for another request", content = @Content(mediaType = PROBLEM))
    public Response change(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = "the product id") String id,
                           @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                               description = MerchantAdminResource.KEY) String idempotencyKey,
                           String body) {
        PartyId actor = actor();
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID uuid = uuid(id);
        ProductChange change = read(body, ProductChange.class, "a product change");
        String fingerprint = fingerprint("commerce.product.change:" + uuid, actor, body);
        int before = catalogue.product(uuid).map(ProductView::version).orElse(-1);
        Idempotent<ProductView> changed = catalogue.change(actor, uuid, change, key, fingerprint);
        boolean added = changed.replayed() || changed.value().version() != before;
        return IdempotentResponses.of(added ? Response.Status.CREATED : Response.Status.OK, changed);
    }

    private PartyId actor() {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        return Callers.actor(token);
    }

    private <T> T read(String body, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest(what + " body is required");
        }
        try {
            T value = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE).getContext(type)
                .fromJson(body, type);
            if (value == null) {
                throw ProblemException.badRequest(what + " body is required");
            }
            return value;
        } catch (JsonbException | IllegalArgumentException e) {
            throw ProblemException.malformed("the body is not " + what + ": " + e.getMessage());
        }
    }

    static String fingerprint(String operation, PartyId actor, String body) {
        try {
            return IdempotentRequest.fingerprintOfJson(operation, actor, body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("the body is not a JSON object: " + e.getMessage());
        }
    }

    static Long number(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be an integer");
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("No product " + id + ".");
        }
    }

    /** The OpenAPI shape of {@link ProductView}. */
    @Schema(name = "Product")
    public record ProductDoc(String id, String gtin, String merchantId, String merchantDid, String category,
                             @Schema(enumeration = {"LIVE", "AWAITING_APPROVAL"}) String status, int version,
                             String name, String description, List<String> mediaUrls, long stock, List<Price> prices,
                             Instant createdAt, Instant updatedAt, @Schema(nullable = true) Instant listedAt,
                             @Schema(nullable = true) String listingProposal) {
    }

    @Schema(name = "ProductPage")
    public record ProductPageDoc(List<ProductDoc> items, @Schema(nullable = true) String next) {
    }

    @Schema(name = "ProductVersion")
    public record ProductVersionDoc(int version, String name, String description, String category,
                                    List<String> mediaUrls, long stock, List<Price> prices, List<String> changed,
                                    Instant createdAt, String createdBy, long auditEntryId,
                                    @Schema(nullable = true) Long auditIndex) {
    }
}
