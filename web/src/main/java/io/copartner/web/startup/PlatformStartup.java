package io.copartner.web.startup;

import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;

/**
 * Start-up order: migrate every module schema with Flyway, let Hibernate validate the mapping against the
 * result (it never creates anything), then tell the modules the platform is up.
 */
@ApplicationScoped
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    /** One schema per module (DESIGN.md §2), each with its own Flyway history table and migration folder. */
    static final List<String> MODULE_SCHEMAS = List.of("ledger", "identity", "governance", "commerce", "economy");

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @PersistenceUnit(unitName = "copartner")
    EntityManagerFactory emf;

    @Inject
    Event<PlatformStarted> started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (String schema : MODULE_SCHEMAS) {
            var result = Flyway.configure(PlatformStartup.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                // Liberty's wsjar URLs are found only through a marker file flyway.location in each folder.
                .locations("classpath:db/migration/" + schema)
                .callbackLocations("classpath:db/migration/" + schema)
                .failOnMissingLocations(false)
                .load()
                .migrate();
            LOG.info(() -> "Schema " + schema + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                + (result.targetSchemaVersion == null ? "baseline" : result.targetSchemaVersion));
        }
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        started.fire(new PlatformStarted(Instant.now()));
    }
}
