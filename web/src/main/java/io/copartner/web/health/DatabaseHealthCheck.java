package io.copartner.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when PostgreSQL answers through the pool the application uses. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                .withData("product", c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion())
                .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
