package io.copartner.web.health;

import io.copartner.ledger.api.AnchorChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the anchor chain answers and our AuditAnchor contract has code on it. */
@Readiness
@ApplicationScoped
public class ChainHealthCheck implements HealthCheck {

    @Inject
    AnchorChain chain;

    @Override
    public HealthCheckResponse call() {
        AnchorChain.ChainProbe probe = chain.probe();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("chain").status(probe.up())
            .withData("chainId", probe.chainId());
        probe.contract().ifPresent(c -> b.withData("contract", c));
        if (probe.up()) {
            b.withData("latestAnchoredTreeSize", probe.latestTreeSize());
        } else {
            b.withData("error", String.valueOf(probe.problem()));
        }
        return b.build();
    }
}
