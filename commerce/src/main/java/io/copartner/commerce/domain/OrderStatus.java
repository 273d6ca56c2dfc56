package io.copartner.commerce.domain;

import java.util.EnumSet;
import java.util.Set;

/** An order's states and the steps between them; CANCELED, COMPLETED and REFUNDED are final. */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELED, REFUNDED;

    /** The states this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PLACED -> EnumSet.of(PAID);
            case PAID -> EnumSet.of(SHIPPED, CANCELED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(COMPLETED, REFUNDED);
            case COMPLETED, CANCELED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean mayMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
