package io.copartner.economy.settlement;

import io.copartner.economy.api.SettlementPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Settlement's periods for the other capabilities: the same rule as its own contributions follow. */
@ApplicationScoped
public class OpenPeriods implements SettlementPeriods {

    @Inject
    Contributions contributions;

    @Inject
    SettlementStore store;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String openPeriodAt(Instant at) {
        return contributions.openPeriodAt(at);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void addCoCreationWeight(String periodId, String asset, String partner, long coCreation) {
        store.addWeight(periodId, asset, partner, 0, 0, coCreation);
    }

    @Override
    public String periodId(Instant start) {
        return SettlementStore.periodId(start);
    }
}
