package io.copartner.economy.cocreation;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** The store on the platform's data source (its connections join the caller's JTA transaction). */
@ApplicationScoped
public class CoCreationStoreProducer {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Produces
    CoCreationStore store() {
        return new CoCreationStore(dataSource);
    }
}
