package io.copartner.commerce.api;

import java.util.List;

/**
 * A change that becomes the product's next version: null fields keep the current value. {@code baseVersion}, when
 * given, must be the current version (else {@code version-conflict}), so two merchants' tabs cannot overwrite each
 * other silently. GTIN and category are fixed at creation (the listing decision depends on the category).
 */
public record ProductChange(Integer baseVersion, String name, String description, List<String> mediaUrls, Long stock,
                            List<Price> prices) {
}
