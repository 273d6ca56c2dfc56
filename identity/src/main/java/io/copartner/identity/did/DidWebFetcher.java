package io.copartner.identity.did;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * Fetches did:web documents (and other public JSON, such as foreign status lists) from other hosts: HTTPS
 * only, no redirects, a short timeout, a size cap, and, unless allowed, no loopback/private/link-local
 * addresses (so a DID cannot point the platform at its own network).
 */
public class DidWebFetcher {

    /** Thrown when the document does not exist (HTTP 404/410). */
    public static class NotFound extends IOException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    public static final int MAX_BYTES = 256 * 1024;

    private final HttpClient http;
    private final String scheme;
    private final boolean allowPrivateAddresses;

    public DidWebFetcher(String scheme, boolean allowPrivateAddresses, Duration timeout) {
        this.scheme = scheme;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The DID document of a did:web of another host; its {@code id} must be the DID. */
    public Map<String, Object> document(DidWeb did) throws IOException {
        Map<String, Object> doc = json(did.documentUrl(scheme));
        if (!did.did().equals(doc.get("id"))) {
            throw new IOException("the document at " + did.documentUrl(scheme) + " is not for " + did.did());
        }
        return doc;
    }

    public Map<String, Object> json(URI url) throws IOException {
        return parse(fetch(url, "application/did+json, application/json"), url);
    }

    public String text(URI url, String accept) throws IOException {
        return fetch(url, accept);
    }

    private String fetch(URI url, String accept) throws IOException {
        if (!scheme.equals(url.getScheme())) {
            throw new IOException("only " + scheme + " URLs are fetched: " + url);
        }
        guard(url.getHost());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Accept", accept).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new NotFound(url + " answered " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new IOException(url + " is larger than " + MAX_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private void guard(String host) throws IOException {
        if (allowPrivateAddresses) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new NotFound("unknown host " + host);
        }
        for (InetAddress a : addresses) {
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || isUniqueLocalV6(a)) {
                throw new NotFound(host + " resolves to a non-public address; not fetched");
            }
        }
    }

    private static boolean isUniqueLocalV6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static Map<String, Object> parse(String body, URI url) throws IOException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IOException(url + " is not a JSON object", e);
        }
    }
}
