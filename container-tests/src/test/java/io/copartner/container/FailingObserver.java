package io.copartner.container;

import io.copartner.ledger.api.event.LedgerEntryPosted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A module's synchronous observer of {@link LedgerEntryPosted}, as governance or commerce will have one: when armed
 * it keeps the event it saw (so the test knows the ids of what must be gone) and fails, like an observer whose
 * own write is refused.
 */
@ApplicationScoped
public class FailingObserver {

    private volatile boolean armed;
    private final AtomicReference<LedgerEntryPosted> seen = new AtomicReference<>();

    void onPosted(@Observes LedgerEntryPosted event) {
        if (armed) {
            seen.set(event);
            throw new IllegalStateException("observer refused entry " + event.entryId());
        }
    }

    public void arm() {
        seen.set(null);
        armed = true;
    }

    public void disarm() {
        armed = false;
    }

    public LedgerEntryPosted seen() {
        return seen.get();
    }
}
