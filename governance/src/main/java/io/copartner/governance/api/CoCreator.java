package io.copartner.governance.api;

/**
 * A co-creator named by a {@code PRODUCT_LISTING} proposal: a partner whose idea or feedback shaped the product
 * ({@code partner} is the member's did:key) and their share, in basis points, of the governed co-creation share of
 * that product's revenue (the proposal's shares sum to at most 10000).
 */
public record CoCreator(String partner, Integer shareBps) {
}
