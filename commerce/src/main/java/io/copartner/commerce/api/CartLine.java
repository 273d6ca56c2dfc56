package io.copartner.commerce.api;

import java.util.UUID;

/** One line of a cart: a product and how many units (boxed so a missing quantity is seen). */
public record CartLine(UUID productId, Integer quantity) {
}
