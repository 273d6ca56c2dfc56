package io.copartner.web.rest;

import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.DidResolver;
import io.copartner.identity.api.KeyFormat;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** DID resolution (DESIGN.md §4, public): did:key, the platform's did:web and its merchants', other did:web hosts. */
@Path("dids")
@ApplicationScoped
@Tag(name = "identity", description = "DIDs, DID documents and verifiable credentials")
public class DidResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DidResolver resolver;

    @GET
    @Path("{did}")
    @Produces({DidDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "resolveDid", summary = "Resolve a DID to its W3C DID Core document",
        description = "did:key (Ed25519 z6Mk…, secp256k1 zQ3s…) is derived from the identifier; did:web of this platform "
            + "(did:web:<host%3Aport>, …:merchants:<id>) comes from the platform's database; did:web of other hosts is "
            + "fetched from https://<host>/.well-known/did.json and cached. Percent-encode the DID's own '%' as %25 in the path.")
    @APIResponse(responseCode = "200", description = "The DID document",
        content = @Content(mediaType = DidDocument.MEDIA_TYPE, schema = @Schema(ref = "DidDocument"),
            examples = @ExampleObject(name = "did:key", value = """
            {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],
             "id":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
             "verificationMethod":[{"id":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
               "type":"Multikey","controller":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
               "publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}],
             "authentication":["did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"],
             "assertionMethod":["did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"]}""")))
    @APIResponse(responseCode = "400", description = "Not a DID, or a method not supported",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No document for this DID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "A foreign did:web host could not be reached",
        content = @Content(mediaType = PROBLEM))
    public Response resolve(
        @PathParam("did") @Parameter(description = "the DID", example = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        String did,
        @QueryParam("publicKeyFormat") @Parameter(description = "did:key only: Multikey (default) or JsonWebKey2020")
        String publicKeyFormat) {
        KeyFormat format;
        try {
            format = KeyFormat.ofOption(publicKeyFormat);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        DidDocument doc = resolver.resolve(did, format);
        return Response.ok(doc.json(), DidDocument.MEDIA_TYPE).build();
    }
}
