package io.copartner.economy.settlement;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** The store on the platform's data source (its connections join the caller's JTA transaction). */
@ApplicationScoped
public class SettlementStoreProducer {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Produces
    SettlementStore store() {
        return new SettlementStore(dataSource);
    }
}
