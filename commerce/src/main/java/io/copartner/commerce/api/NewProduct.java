package io.copartner.commerce.api;

import java.util.List;

/**
 * A product as a merchant submits it: GTIN (8, 12, 13 or 14 digits, check digit validated, stored as GTIN-14),
 * name, description, category, media URLs (http/https), stock and one price per currency.
 */
public record NewProduct(String gtin, String name, String description, String category, List<String> mediaUrls,
                         Long stock, List<Price> prices) {
}
