package io.copartner.economy.boundaryfixture;

/** A deliberate wrong arrow (economy → commerce internals), so the boundary rule is shown to fail on it. */
public class UsesCommerceInternals {

    public Object order() {
        return io.copartner.commerce.domain.OrderStatus.PAID;
    }
}
