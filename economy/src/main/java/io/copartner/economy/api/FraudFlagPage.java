package io.copartner.economy.api;

import java.util.List;

/** A page of fraud flags, newest first. */
public record FraudFlagPage(List<FraudFlagView> items, String next) {
}
