package io.copartner.web.rest;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public audit contract (DESIGN.md §4, pinned): anyone can fetch the signed checkpoint, any entry, and
 * RFC 9162 proofs, and check them against the anchors on chain without trusting the platform.
 */
@Path("audit")
@ApplicationScoped
@Tag(name = "audit", description = "Tamper-evident audit log: checkpoints, entries, proofs, anchors")
public class AuditResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AuditLog log;

    @GET
    @Path("checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getCheckpoint", summary = "Latest checkpoint as a C2SP signed note (tlog-checkpoint signed with Ed25519)",
        description = "The latest checkpoint as a C2SP tlog-checkpoint signed note (`text/plain`): origin, tree size and base64 root hash, signed with the platform's Ed25519 key published in `/.well-known/did.json`. With `Accept: application/json` the same checkpoint as JSON (tree size, hex root hash and the note).")
    @APIResponse(responseCode = "200", description = "The signed note",
        content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "note", value = """
            127.0.0.1:9080/audit
            42
            qB5bXk0lI1H3cNBq0DbS5cTf4W5jO1uJ8S0m8Yr8l4Y=

            — 127.0.0.1:9080/audit x9S0pQ...base64...
            """)))
    public String checkpointNote() {
        return log.latestCheckpoint().note();
    }

    @GET
    @Path("checkpoint")
    @Produces(MediaType.APPLICATION_JSON)
    // Same path and method as checkpointNote (content negotiation): one operation in the document, whose id
    // and description come from checkpointNote; a second operationId here would be a duplicate.
    @Operation(summary = "Latest checkpoint as JSON, with the signed note")
    @APIResponse(responseCode = "200", description = "The checkpoint",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointView.class),
            examples = @ExampleObject(name = "cp", value = """
            {"origin":"127.0.0.1:9080/audit","treeSize":42,"rootHash":"a81e5b5e...","note":"127.0.0.1:9080/audit\\n42\\n..."}""")))
    public CheckpointView checkpointJson() {
        AuditLog.SignedCheckpoint cp = log.latestCheckpoint();
        return new CheckpointView(cp.origin(), cp.treeSize(), Hashes.hex(cp.rootHash()), cp.note());
    }

    @GET
    @Path("entries/{index}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAuditEntry", summary = "One entry: the exact canonical JSON that was hashed, and its leaf hash",
        description = "The audit log entry at a leaf index: the exact RFC 8785 canonical JSON that was hashed, and its RFC 9162 leaf hash SHA-256(0x00 || canonical), so anyone can recompute it.")
    @APIResponse(responseCode = "200", description = "The entry",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
            examples = @ExampleObject(name = "entry", value = """
            {"index":5,"canonical":"{\\"payload\\":{},\\"subject\\":\\"chain:31337\\",\\"time\\":\\"2026-11-25T10:00:00Z\\",\\"type\\":\\"platform.anchor-contract.adopted\\",\\"v\\":1}",
             "leafHash":"5f0e...","type":"platform.anchor-contract.adopted","time":"2026-11-25T10:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "No entry at this index", content = @Content(mediaType = PROBLEM))
    public EntryView entry(@PathParam("index") @Parameter(description = "leaf index", example = "5") long index) {
        AuditLog.Entry e = log.entry(index)
            .orElseThrow(() -> ProblemException.notFound("No audit entry at index " + index + "."));
        return new EntryView(e.index(), e.canonical(), Hashes.hex(e.leafHash()), e.type(), e.time().toString());
    }

    @GET
    @Path("entries/by-entry-id/{entryId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAuditEntryByEntryId", summary = "One entry by the entry id an audit receipt carries",
        description = "The audit log entry that an audit receipt elsewhere in the API names by its `entryId` (for example `auditEntryId` in a merchant's history or `audit.entryId` of a ledger entry), once the sequencer has given it a leaf index; the same body as `/audit/entries/{index}`, so its leaf index leads to the inclusion proof.")
    @APIResponse(responseCode = "200", description = "The entry",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
            examples = @ExampleObject(name = "entry", value = """
            {"index":3,"canonical":"{\\"payload\\":{},\\"subject\\":\\"merchant:01a2\\",\\"time\\":\\"2026-11-25T10:00:00Z\\",\\"type\\":\\"identity.merchant.created\\",\\"v\\":1}",
             "leafHash":"5ad6...","type":"identity.merchant.created","time":"2026-11-25T10:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "No entry with this id, or not sequenced yet", content = @Content(mediaType = PROBLEM))
    public EntryView entryByEntryId(@PathParam("entryId") @Parameter(description = "entry id of an audit receipt", example = "4") long entryId) {
        long index = log.leafIndexOf(entryId)
            .orElseThrow(() -> ProblemException.notFound("No sequenced audit entry with id " + entryId + "."));
        return entry(index);
    }

    @GET
    @Path("proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInclusionProof", summary = "RFC 9162 inclusion proof (audit path) of a leaf in a tree of a signed size",
        description = "The RFC 9162 audit path proving that the leaf at `index` is in the tree of size `treeSize` (a size from a signed checkpoint); hashes are hex, bottom-up.")
    @APIResponse(responseCode = "200", description = "The audit path, bottom-up",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InclusionView.class),
            examples = @ExampleObject(name = "path", value = """
            {"leafIndex":5,"treeSize":42,"hashes":["1f2e...","9a8b..."]}""")))
    @APIResponse(responseCode = "400", description = "Index or size out of range", content = @Content(mediaType = PROBLEM))
    public InclusionView inclusion(
        @Parameter(required = true, description = "Leaf index of the entry", example = "5") @QueryParam("index") Long index,
        @Parameter(required = true, description = "Tree size of a signed checkpoint, greater than index", example = "42")
        @QueryParam("treeSize") Long treeSize) {
        if (index == null || treeSize == null) {
            throw ProblemException.badRequest("index and treeSize are required");
        }
        return new InclusionView(index, treeSize, hex(log.inclusionProof(index, treeSize)));
    }

    @GET
    @Path("proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsistencyProof", summary = "RFC 9162 consistency proof between two tree sizes",
        description = "The RFC 9162 consistency proof that the tree of size `from` is a prefix of the tree of size `to`; hashes are hex.")
    @APIResponse(responseCode = "200", description = "The proof",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsistencyView.class),
            examples = @ExampleObject(name = "proof", value = """
            {"from":10,"to":42,"hashes":["1f2e...","9a8b..."]}""")))
    @APIResponse(responseCode = "400", description = "Sizes out of range", content = @Content(mediaType = PROBLEM))
    public ConsistencyView consistency(
        @Parameter(required = true, description = "The older tree size", example = "10") @QueryParam("from") Long from,
        @Parameter(required = true, description = "The newer tree size, at least from", example = "42")
        @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("from and to are required");
        }
        return new ConsistencyView(from, to, hex(log.consistencyProof(from, to)));
    }

    @GET
    @Path("anchors")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAnchors", summary = "Checkpoints anchored on chain, newest first, with cursor pagination",
        description = "Checkpoints anchored on chain, newest first: tree size, root, chain id, contract, transaction, block and gas. Pass `next` as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "A page of anchors",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnchorPage.class),
            examples = @ExampleObject(name = "page", value = """
            {"items":[{"treeSize":42,"root":"a81e...","chainId":31337,"contract":"0x5fbd...","txHash":"0x12ab...",
              "blockNumber":7,"gasUsed":52000,"anchoredAt":"2026-11-25T10:00:01Z"}],"next":"42"}""")))
    public AnchorPage anchors(
        @Parameter(description = "The `next` of the previous page; absent for the first page") @QueryParam("cursor") String cursor,
        @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("limit must be between 1 and 500");
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor is not one this API returned");
            }
        }
        List<AuditLog.Anchor> page = log.anchors(before, limit + 1);
        boolean more = page.size() > limit;
        List<AnchorView> items = page.stream().limit(limit).map(a -> new AnchorView(a.treeSize(),
            Hashes.hex(a.root()), a.chainId(), a.contract(), a.txHash(), a.blockNumber(), a.gasUsed(),
            a.anchoredAt().toString())).toList();
        return new AnchorPage(items, more ? Long.toString(items.get(items.size() - 1).treeSize()) : null);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    @Schema(name = "Checkpoint")
    public record CheckpointView(String origin, long treeSize, String rootHash, String note) {
    }

    @Schema(name = "AuditEntry")
    public record EntryView(long index, String canonical, String leafHash, String type, String time) {
    }

    @Schema(name = "InclusionProof")
    public record InclusionView(long leafIndex, long treeSize, List<String> hashes) {
    }

    @Schema(name = "ConsistencyProof")
    public record ConsistencyView(long from, long to, List<String> hashes) {
    }

    @Schema(name = "Anchor")
    public record AnchorView(long treeSize, String root, long chainId, String contract, String txHash,
                             long blockNumber, long gasUsed, String anchoredAt) {
    }

    @Schema(name = "AnchorPage")
    public record AnchorPage(List<AnchorView> items, String next) {
    }
}
