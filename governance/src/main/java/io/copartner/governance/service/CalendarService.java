package io.copartner.governance.service;

import io.copartner.governance.api.SettlementCalendar;
import io.copartner.governance.api.SettlementPeriod;
import io.copartner.governance.domain.SettlementPeriods;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settlement calendar from {@code COPARTNER_SETTLEMENT_PERIOD} and {@code COPARTNER_SETTLEMENT_ORIGIN}. */
@ApplicationScoped
public class CalendarService implements SettlementCalendar {

    @Inject
    @ConfigProperty(name = "copartner.settlement.period", defaultValue = "P7D")
    String period;

    @Inject
    @ConfigProperty(name = "copartner.settlement.origin", defaultValue = "1970-01-05T00:00:00Z")
    String origin;

    private SettlementPeriods periods;

    @PostConstruct
    void init() {
        periods = new SettlementPeriods(period.trim(), Instant.parse(origin.trim()));
    }

    @Override
    public SettlementPeriod periodAt(Instant instant) {
        return periods.periodAt(instant);
    }

    public Instant origin() {
        return Instant.parse(origin.trim());
    }
}
