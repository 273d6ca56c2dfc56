package io.copartner.commerce.api;

/** How many units of one line to refund. */
public record RefundLine(Integer lineNo, Integer quantity) {
}
