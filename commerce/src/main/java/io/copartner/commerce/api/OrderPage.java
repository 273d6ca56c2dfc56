package io.copartner.commerce.api;

import java.util.List;

/** A page of orders, newest first; {@code next} the cursor of the following page, null on the last. */
@jakarta.json.bind.annotation.JsonbNillable
public record OrderPage(List<OrderView> items, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @jakarta.json.bind.annotation.JsonbNillable String next) {
}
