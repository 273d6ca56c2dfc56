package io.copartner.identity.service;

import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.DidResolver;
import io.copartner.identity.api.KeyFormat;
import io.copartner.identity.did.DidKeyMethod;
import io.copartner.identity.did.DidWeb;
import io.copartner.identity.did.DidWebFetcher;
import io.copartner.identity.did.MalformedDidException;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * did:key: derived from the identifier (cached); did:web of this platform's host: from the database, never over
 * HTTP (cached briefly); did:web of other hosts: fetched over HTTPS and cached for {@code copartner.did.web.cache.seconds}.
 */
@ApplicationScoped
public class DidResolverService implements DidResolver {

    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._%:~-]+");

    @Inject
    PlatformKeysService platform;

    @Inject
    @ConfigProperty(name = "copartner.did.web.cache.seconds", defaultValue = "300")
    long foreignCacheSeconds;

    @Inject
    @ConfigProperty(name = "copartner.did.web.local.cache.seconds", defaultValue = "5")
    long localCacheSeconds;

    /** Only for tests and closed networks: let did:web hosts resolve to private addresses. */
    @Inject
    @ConfigProperty(name = "copartner.did.web.allow-private-addresses", defaultValue = "false")
    boolean allowPrivate;

    private DidWebFetcher fetcher;
    private TtlCache<DidDocument> keyCache;
    private TtlCache<DidDocument> localCache;
    private TtlCache<DidDocument> foreignCache;

    @PostConstruct
    void init() {
        fetcher = new DidWebFetcher("https", allowPrivate, Duration.ofSeconds(5));
        keyCache = new TtlCache<>(10_000, Duration.ofDays(1));
        localCache = new TtlCache<>(10_000, Duration.ofSeconds(localCacheSeconds));
        foreignCache = new TtlCache<>(1_000, Duration.ofSeconds(foreignCacheSeconds));
    }

    public DidWebFetcher fetcher() {
        return fetcher;
    }

    @Override
    public DidDocument resolve(String did, KeyFormat format) {
        if (did == null || did.length() > 600 || !DID.matcher(did).matches()) {
            throw ProblemException.malformed("Not a DID (did:<method>:<id>, no path, query or fragment): " + abbreviate(did));
        }
        try {
            if (did.startsWith(DidKeyMethod.PREFIX)) {
                return keyCache.get(did + "|" + format, () -> new DidDocument(did, DidKeyMethod.document(did, format)));
            }
            if (did.startsWith(DidWeb.PREFIX)) {
                DidWeb web = DidWeb.parse(did);
                if (web.sameHost(platform.platformWeb())) {
                    return localCache.get(did, () -> local(web));
                }
                return foreignCache.get(did, () -> foreign(web));
            }
        } catch (MalformedDidException e) {
            throw ProblemException.malformed(e.getMessage());
        }
        throw ProblemException.malformed("DID method not supported here (did:key and did:web are): " + abbreviate(did));
    }

    /** Forget what is cached about the platform's own DIDs once a key change has committed. */
    void keysChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlatformKeysService.DidKeysChanged change) {
        localCache.clear();
    }

    private DidDocument local(DidWeb web) {
        List<String> path = web.path();
        if (path.isEmpty()) {
            return platform.document();
        }
        if (path.size() == 2 && path.get(0).equals("merchants")) {
            return platform.merchantDocument(path.get(1))
                .orElseThrow(() -> ProblemException.notFound("No DID document for " + web.did() + "."));
        }
        throw ProblemException.notFound("No DID document for " + web.did() + ".");
    }

    private DidDocument foreign(DidWeb web) {
        try {
            return new DidDocument(web.did(), fetcher.document(web));
        } catch (DidWebFetcher.NotFound e) {
            throw ProblemException.notFound("No DID document for " + web.did() + ": " + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.unavailable("The DID document of " + web.did() + " could not be fetched: "
                + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
