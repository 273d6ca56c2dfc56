package io.copartner.economy.fraud;

import io.copartner.economy.api.OrderHolds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The holds of the fraud defences: an order with an OPEN flag earns no commission and no points until decided. */
@ApplicationScoped
@Alternative
@Priority(100)
public class FlagHolds implements OrderHolds {

    @Inject
    FraudStore store;

    @Override
    @Transactional
    public boolean withheld(UUID orderId) {
        return store.isOpen(orderId);
    }
}
