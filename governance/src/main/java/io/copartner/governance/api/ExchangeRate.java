package io.copartner.governance.api;

/** One point of brand {@code from} exchanges for {@code rateBps} / 10000 points of brand {@code to}. */
public record ExchangeRate(String from, String to, Long rateBps) {
}
