package io.copartner.ledger.api;

import java.util.List;

/**
 * A journal entry to post: two or more lines on distinct accounts that sum to zero per asset. {@code memo} is a
 * short description (never personal data); {@code postedBy} the party id ({@code io.copartner.kernel.id.PartyId},
 * {@code party:<token sub>}) that asks for it, null for the platform itself ({@code party:platform}).
 */
public record PostEntry(String memo, List<PostingLine> postings, String postedBy) {
}
