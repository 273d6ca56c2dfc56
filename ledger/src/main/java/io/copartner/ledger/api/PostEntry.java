package io.copartner.ledger.api;

import java.util.List;

/**
 * A journal entry to post: two or more lines on distinct accounts that sum to zero per asset. {@code memo} is a
 * short description (never personal data); {@code postedBy} the subject that asks for it.
 */
public record PostEntry(String memo, List<PostingLine> postings, String postedBy) {
}
