package io.copartner.economy.api;

import java.time.Instant;
import java.util.UUID;

/** A partner's share link: {@code /r/{code}} leads to the product's page and attributes the sale to its owner. */
public record ShareLinkView(String code, UUID productId, String path, Instant createdAt) {
}
