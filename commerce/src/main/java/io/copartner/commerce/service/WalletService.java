package io.copartner.commerce.service;

import io.copartner.commerce.api.NewTopUp;
import io.copartner.commerce.api.SignedWebhook;
import io.copartner.commerce.api.TopUpView;
import io.copartner.commerce.api.WalletView;
import io.copartner.commerce.api.Wallets;
import io.copartner.commerce.domain.TopUp;
import io.copartner.commerce.payment.PaymentProvider;
import io.copartner.commerce.payment.SandboxPaymentProvider;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.commerce.persistence.WalletStore;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.copartner.commerce.api.event.TopUpRequested;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wallets and top-ups. A top-up is created PENDING; the configured provider's verified webhook completes it in one
 * transaction: the event id is recorded (a second delivery is refused), the owner's WALLET account for the currency
 * is opened if needed, one balanced ledger entry moves the amount from {@code EXTERNAL_FUNDING:<currency>} to it, and
 * the completion is audited. Any refusal rolls all of it back.
 */
@ApplicationScoped
public class WalletService implements Wallets {

    static final String START = "commerce.top-up.create";

    @Inject
    WalletStore store;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    CommerceClock clock;

    @Inject
    jakarta.enterprise.event.Event<TopUpRequested> topUpEvents;

    @Inject
    @Any
    Instance<PaymentProvider> providers;

    @Inject
    SandboxPaymentProvider sandbox;

    /** The rail top-ups go through (env COPARTNER_PAYMENT_PROVIDER); {@code sandbox} in dev. */
    @Inject
    @ConfigProperty(name = "copartner.payment.provider", defaultValue = SandboxPaymentProvider.NAME)
    String providerName;

    PaymentProvider provider(String name) {
        if (name == null || !name.equals(providerName)) {
            throw ProblemException.notFound("No payment provider " + name + " is configured here.");
        }
        for (PaymentProvider p : providers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw ProblemException.notFound("No payment provider " + name + " is configured here.");
    }

    @Override
    @Transactional
    public Idempotent<TopUpView> startTopUp(PartyId owner, NewTopUp request, IdempotencyKey key, String fingerprint) {
        Instant now = clock.now();
        UUID id = Ids.newId();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, START, owner, fingerprint),
            id.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(store.find(UUID.fromString(earlier.get())).orElseThrow()));
        }
        if (request == null) {
            throw ProblemException.badRequest("a top-up body {currency, amount} is required");
        }
        String currency = currency(request.currency());
        if (request.amount() == null || request.amount() < 1 || request.amount() > TopUp.MAX_AMOUNT) {
            throw ProblemException.badRequest("amount must be 1.." + TopUp.MAX_AMOUNT + " minor units");
        }
        funding(currency);
        String provider = provider(providerName).name();
        topUpEvents.fire(new TopUpRequested(id, owner.value(), currency, request.amount(), now));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("topUpId", id.toString());
        payload.put("owner", owner.value());
        payload.put("currency", currency);
        payload.put("amount", Long.toString(request.amount()));
        payload.put("provider", provider);
        AuditReceipt receipt = audit.record("commerce.top-up.created", subject(id), now, payload);
        TopUp t = new TopUp(id, owner.value(), currency, request.amount(), provider, TopUp.PENDING, now, null, null,
            null, receipt.entryId());
        store.insert(t);
        return Idempotent.fresh(view(t));
    }

    @Override
    @Transactional
    public Optional<TopUpView> topUp(PartyId owner, UUID id) {
        return store.find(id).filter(t -> t.owner().equals(owner.value())).map(this::view);
    }

    @Override
    @Transactional
    public Optional<SignedWebhook> sandboxConfirmation(PartyId owner, UUID topUpId) {
        if (!SandboxPaymentProvider.NAME.equals(providerName)) {
            return Optional.empty();
        }
        return store.find(topUpId).filter(t -> t.owner().equals(owner.value()))
            .map(t -> sandbox.confirmation(t.id(), t.asset(), t.amount(), clock.now()));
    }

    @Override
    @Transactional
    public TopUpView webhook(String providerName, Map<String, String> headers, byte[] body) {
        PaymentProvider provider = provider(providerName);
        Instant now = clock.now();
        PaymentProvider.PaymentEvent event = provider.verify(headers, body, now);
        UUID topUpId;
        try {
            topUpId = UUID.fromString(event.topUpId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("data.topUpId is not a top-up id");
        }
        TopUp t = store.lock(topUpId).orElseThrow(() -> ProblemException.notFound("No top-up " + topUpId + "."));
        if (!store.acceptEvent(provider.name(), event.eventId(), topUpId, now)) {
            throw ProblemException.of(ProblemType.WEBHOOK_REPLAYED, "event " + event.eventId()
                + " was processed before; nothing changed");
        }
        t.requireCompletableBy(event.currency(), event.amount());
        UUID wallet = walletOf(t.owner(), t.asset(), now);
        PostResult posted = ledger.post(new PostEntry("wallet top-up " + t.id(), List.of(
            new PostingLine(funding(t.asset()).id(), t.asset(), -t.amount()),
            new PostingLine(wallet, t.asset(), t.amount())), null), "commerce.top-up:" + t.id());
        store.complete(t.id(), event.eventId(), posted.entry().id(), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("topUpId", t.id().toString());
        payload.put("provider", provider.name());
        payload.put("eventId", event.eventId());
        payload.put("walletAccountId", wallet.toString());
        payload.put("ledgerEntryId", posted.entry().id().toString());
        payload.put("currency", t.asset());
        payload.put("amount", Long.toString(t.amount()));
        audit.record("commerce.top-up.completed", subject(t.id()), now, payload);
        return view(store.find(t.id()).orElseThrow());
    }

    @Override
    @Transactional
    public List<WalletView> wallets(PartyId owner) {
        return store.wallets(owner.value()).stream().map(w -> new WalletView(w.asset(), w.accountId(),
            ledger.account(w.accountId()).map(AccountView::balance).orElse(0L))).toList();
    }

    @Override
    @Transactional
    public UUID walletAccount(PartyId owner, String asset) {
        return walletOf(owner.value(), asset, clock.now());
    }

    @Override
    @Transactional
    public Map<PartyId, UUID> walletAccounts(java.util.Collection<PartyId> owners, String asset) {
        Map<String, UUID> found = store.walletAccounts(owners.stream().map(PartyId::value).distinct().toList(), asset);
        Map<PartyId, UUID> out = new java.util.HashMap<>();
        Instant now = clock.now();
        for (PartyId owner : owners) {
            UUID account = found.get(owner.value());
            // A wallet is never closed, so one found is final; a missing one is opened under the owner's lock.
            out.put(owner, account != null ? account : walletOf(owner.value(), asset, now));
        }
        return out;
    }

    /** The owner's WALLET account in the asset, opened on first use (serialised per owner and asset). */
    UUID walletOf(String owner, String asset, Instant now) {
        store.lockWallet(owner, asset);
        return store.walletAccount(owner, asset).orElseGet(() -> {
            AccountView account = ledger.open(new OpenAccount(owner, asset, AccountKind.WALLET, "wallet " + asset));
            store.addWallet(owner, asset, account.id(), now);
            return account.id();
        });
    }

    /** Money enters through the chart of accounts' EXTERNAL_FUNDING account of the currency, if it has one. */
    AccountView funding(String currency) {
        return ledger.systemAccount("EXTERNAL_FUNDING:" + currency).orElseThrow(() -> ProblemException.of(
            ProblemType.UNSUPPORTED_CURRENCY, "no top-ups in " + currency + ": the ledger has no EXTERNAL_FUNDING:"
                + currency + " account"));
    }

    static String currency(String text) {
        try {
            Asset a = Asset.of(text == null ? "" : text.trim());
            if (a.isPoints()) {
                throw new IllegalArgumentException("points cannot be bought");
            }
            return a.code();
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemType.UNSUPPORTED_CURRENCY, "currency: " + e.getMessage());
        }
    }

    private TopUpView view(TopUp t) {
        UUID wallet = store.walletAccount(t.owner(), t.asset()).orElse(null);
        return new TopUpView(t.id(), t.owner(), t.asset(), t.amount(), t.provider(), t.status(), t.createdAt(),
            t.completedAt(), wallet, t.ledgerEntryId(), t.auditEntryId());
    }

    static String subject(UUID topUpId) {
        return "top-up:" + topUpId;
    }
}
