package io.copartner.web.rest;

import io.copartner.ledger.api.AnchorChain;
import io.copartner.ledger.api.AnchorContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where to look on chain: third parties need the contract address and chain id to check anchors. */
@Path("audit/contract")
@ApplicationScoped
@Tag(name = "audit")
public class AnchorContractResource {

    @Inject
    AnchorChain chain;

    /** The JSON-RPC URL the platform itself writes to; it may carry a provider's API key, so it is not published as is. */
    @Inject
    @ConfigProperty(name = "copartner.chain.rpc.url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    /** A JSON-RPC URL anyone may read the chain from (browsers included), when the operator names one. */
    @Inject
    @ConfigProperty(name = "copartner.chain.public-rpc.url")
    Optional<String> publicRpcUrl;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnchorContract", summary = "The AuditAnchor contract the audit log is anchored to",
        description = "Chain id, address, deployer and deployment time of the AuditAnchor contract; a third party reads the `Anchored` events of this contract to check the anchors of `/audit/anchors` without trusting the platform. `rpcUrl` suggests a public JSON-RPC endpoint of that chain (the operator's `copartner.chain.public-rpc.url`, or the platform's own RPC when that is a loopback dev chain); it is null otherwise, and any node of the chain will do.")
    @APIResponse(responseCode = "200", description = "The contract",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractView.class),
            examples = @ExampleObject(name = "anvil", value = """
            {"chainId":31337,"address":"0x5FbDB2315678afecb367f032d93F642f64180aa3",
             "deployer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","deployedAt":"2026-11-25T10:00:00Z",
             "rpcUrl":"http://127.0.0.1:8545"}""")))
    @APIResponse(responseCode = "503", description = "The chain is not reachable",
        content = @Content(mediaType = "application/problem+json"))
    public ContractView contract() {
        AnchorContract c = chain.contract();
        return new ContractView(c.chainId(), c.address(), c.deployer(), c.deployedAt(), suggestedRpcUrl());
    }

    private String suggestedRpcUrl() {
        return publicRpcUrl(publicRpcUrl, rpcUrl);
    }

    /**
     * The chain JSON-RPC URL that may be shown to anyone: the operator's {@code copartner.chain.public-rpc.url}, or
     * the platform's own when it is a loopback dev chain (anvil holds no secret in its URL); else null, since the
     * platform's own URL may carry a provider's API key.
     */
    public static String publicRpcUrl(Optional<String> configured, String ownRpcUrl) {
        Optional<String> named = configured.filter(u -> !u.isBlank());
        if (named.isPresent()) {
            return named.get();
        }
        try {
            String host = URI.create(ownRpcUrl).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) ? ownRpcUrl : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Schema(name = "AnchorContract")
    public record ContractView(long chainId, String address, String deployer, Instant deployedAt, String rpcUrl) {
    }
}
