package io.copartner.commerce.api;

import java.util.List;

/** A page of products, oldest listing first; {@code next} is the cursor of the following page, null on the last. */
@jakarta.json.bind.annotation.JsonbNillable
public record ProductPage(List<ProductView> items, String next) {
}
