package io.copartner.commerce.trace;

import java.time.Instant;
import java.util.UUID;

/**
 * What the rules remember of an item, batch or logistic unit: its product (none for an SSCC), whether it was
 * commissioned or decommissioned, the time of its latest event, and the logistic unit it is aggregated in now.
 */
public record SubjectState(String key, Epc.Kind kind, UUID productId, boolean commissioned, boolean decommissioned,
                           Instant latestEventTime, String parent) {

    public SubjectState after(Instant eventTime, boolean commissions, boolean decommissions) {
        Instant latest = latestEventTime == null || eventTime.isAfter(latestEventTime) ? eventTime : latestEventTime;
        return new SubjectState(key, kind, productId, commissioned || commissions, decommissioned || decommissions,
            latest, parent);
    }

    public SubjectState inside(String newParent) {
        return new SubjectState(key, kind, productId, commissioned, decommissioned, latestEventTime, newParent);
    }
}
