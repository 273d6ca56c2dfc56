package io.copartner.economy.shared;

import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.idempotency.JtaIdempotency;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The economy's Idempotency-Keys: the kernel's shared component on {@code economy.idempotency_key}, in the caller's
 * transaction, so a key is claimed exactly when the write it guards commits.
 */
@ApplicationScoped
public class EconomyIdempotency {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private JtaIdempotency keys;

    @PostConstruct
    void init() {
        keys = new JtaIdempotency(dataSource, "economy.idempotency_key");
    }

    /** Empty if this request owns the key now; else the first request's answer to replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(IdempotentRequest request, String result) {
        return keys.claim(request, result);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(IdempotentRequest request) {
        return keys.claim(request);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IdempotencyKey key, String result) {
        keys.complete(key, result);
    }
}
