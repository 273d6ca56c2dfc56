package io.copartner.commerce.api;

import java.util.List;

/** A refund of some units of some lines (all of them: a full refund); {@code reason} free text, audited. */
public record RefundRequest(List<RefundLine> lines, String reason) {
}
