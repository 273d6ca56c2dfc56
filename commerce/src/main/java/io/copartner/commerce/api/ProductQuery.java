package io.copartner.commerce.api;

/**
 * Browse and search of live products of non-suspended merchants: every filter is optional. {@code q} matches the
 * name (case-insensitive substring); {@code minPrice}/{@code maxPrice} (minor units, inclusive) need {@code currency}
 * and keep only products priced in it. {@code cursor} is the previous page's {@code next}.
 */
public record ProductQuery(String q, String category, String merchantId, String currency, Long minPrice,
                           Long maxPrice, String cursor, int limit) {
}
