package io.copartner.economy.api;

import java.util.List;

/** A page of share links, newest first; {@code next} is the cursor of the next page or null. */
public record ShareLinkPage(List<ShareLinkView> items, String next) {
}
