package io.copartner.identity.api;

/**
 * Resolves DIDs to their documents: did:key from the identifier alone; did:web of this platform (the
 * platform and its merchants) from the database; did:web of other hosts from {@code https://host/.well-known/did.json}
 * (or {@code /path/did.json}), cached.
 *
 * <p>Failures are {@link io.copartner.kernel.problem.ProblemException}s: {@code malformed-request} (400) for a
 * DID that breaks its method's syntax or an unsupported method, {@code not-found} (404) for one that has no
 * document, {@code unavailable} (503) when a foreign host cannot be reached.
 */
public interface DidResolver {

    DidDocument resolve(String did, KeyFormat format);

    default DidDocument resolve(String did) {
        return resolve(did, KeyFormat.MULTIKEY);
    }
}
