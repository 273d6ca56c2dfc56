package io.copartner.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.client.ApiClient;
import io.copartner.system.client.api.AuditApi;
import io.copartner.system.client.api.IdentityApi;
import io.copartner.system.client.api.LedgerApi;
import io.copartner.system.client.model.AccountKind;
import io.copartner.system.client.model.AccountView;
import io.copartner.system.client.model.EntryView;
import io.copartner.system.client.model.InclusionProof;
import io.copartner.system.client.model.Me;
import io.copartner.system.client.model.OpenAccountRequest;
import io.copartner.system.client.model.PostEntryRequest;
import io.copartner.system.client.model.PostingRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A third party's view: a Java client generated from the committed OpenAPI snapshot (openapi-generator, library
 * native) runs a short scenario against the started platform. If the contract stops being usable by a generator,
 * or the platform stops answering as the contract says, the build fails here.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiClientIT {

    /** The chart of accounts' EXTERNAL_FUNDING:CNY, which may go negative (see LedgerIT). */
    static final UUID FUNDING_CNY = UUID.fromString("00000000-0000-7000-8000-000000000003");

    /** Anonymous: the public audit contract needs no token. */
    static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(PlatformExtension.settings().baseUrl());
        return client;
    }

    /** Signed in: a password-grant access token from the platform's Keycloak as the bearer token. */
    static ApiClient signedIn(String user) {
        String token = Tokens.password(user, user);
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void signInReadMePostAnEntryAndFetchItsInclusionProof() throws Exception {
        // Sign in as the demo partner (password grant against Keycloak) and read who we are.
        Me me = new IdentityApi(signedIn("partner")).getMe();
        assertEquals("partner", me.getUsername());
        assertTrue(me.getRoles().contains("partner"), "roles: " + me.getRoles());

        // An admin opens a wallet for the partner and posts a top-up from external funding into it.
        ApiClient admin = signedIn("admin");
        LedgerApi ledger = new LedgerApi(admin);
        AccountView wallet = ledger.openAccount(new OpenAccountRequest()
            .owner("party:" + me.getSubject()).asset("CNY").kind(AccountKind.WALLET).name("generated-client wallet"));
        assertEquals(0L, wallet.getBalance());
        EntryView posted = ledger.postEntry("client-it-" + UUID.randomUUID(), new PostEntryRequest()
            .memo("Top-up through the generated client")
            .postings(List.of(
                new PostingRequest().accountId(FUNDING_CNY).asset("CNY").amount(-2_500L),
                new PostingRequest().accountId(wallet.getId()).asset("CNY").amount(2_500L))));
        assertEquals(2, posted.getPostings().size());

        // The sequencer integrates the audit entry and a checkpoint covers it: then its proof can be fetched.
        EntryView integrated = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> ledger.getEntry(posted.getId()),
                e -> e.getAudit() != null && e.getAudit().getLeafIndex() != null && e.getAudit().getTreeSize() != null);
        long index = integrated.getAudit().getLeafIndex();
        long treeSize = integrated.getAudit().getTreeSize();
        InclusionProof proof = new AuditApi(anonymous()).getInclusionProof(index, treeSize);
        assertEquals(index, proof.getLeafIndex());
        assertEquals(treeSize, proof.getTreeSize());
        assertNotNull(proof.getHashes());
        assertTrue(treeSize == 1 || !proof.getHashes().isEmpty(), "a tree of " + treeSize + " has a non-empty path");
    }
}
