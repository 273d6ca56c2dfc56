package io.copartner.economy.shared;

import io.copartner.economy.api.OrderHolds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The holds when no fraud detection is deployed: nothing is withheld. The fraud capability replaces this bean with
 * a CDI alternative of higher priority.
 */
@ApplicationScoped
public class NoOrderHolds implements OrderHolds {

    @Override
    public boolean withheld(UUID orderId) {
        return false;
    }
}
