package io.copartner.identity.did;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A did:web identifier (W3C CCG did:web): {@code did:web:<host>[%3A<port>](:<segment>)*}, resolved at
 * {@code https://<host>[:<port>]/.well-known/did.json} without segments, else {@code https://…/<segments>/did.json}.
 *
 * @param host lower-case host name or IPv4 address
 * @param port the port, or -1 for the scheme's default
 * @param path path segments, possibly empty
 */
public record DidWeb(String host, int port, List<String> path) {

    public static final String PREFIX = "did:web:";
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    public DidWeb {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new MalformedDidException("did:web host is not a valid domain name: " + host);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new MalformedDidException("did:web port out of range");
        }
        path = List.copyOf(path);
        if (path.size() > 8) {
            throw new MalformedDidException("did:web path too long");
        }
        for (String s : path) {
            if (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
                throw new MalformedDidException("did:web path segment is not allowed: " + s);
            }
        }
    }

    /** The did:web of a base URL such as {@code http://127.0.0.1:9080}: its host and port, no path. */
    public static DidWeb ofBaseUrl(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return new DidWeb(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), List.of());
    }

    public static DidWeb parse(String did) {
        if (did == null || !did.startsWith(PREFIX)) {
            throw new MalformedDidException("not a did:web");
        }
        String id = did.substring(PREFIX.length());
        if (id.isEmpty() || id.length() > 512 || id.contains("/") || id.contains("?") || id.contains("#")) {
            throw new MalformedDidException("a did:web must be host[%3Aport](:segment)* without path, query or fragment");
        }
        String[] parts = id.split(":", -1);
        String authority = parts[0];
        String host = authority;
        int port = -1;
        int pct = authority.toLowerCase(Locale.ROOT).indexOf("%3a");
        if (pct >= 0) {
            host = authority.substring(0, pct);
            String p = authority.substring(pct + 3);
            if (!p.matches("[0-9]{1,5}")) {
                throw new MalformedDidException("did:web port must be digits after %3A");
            }
            port = Integer.parseInt(p);
        }
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            throw new MalformedDidException("did:web host must be lower case");
        }
        return new DidWeb(host, port, List.of(parts).subList(1, parts.length));
    }

    public String did() {
        StringBuilder sb = new StringBuilder(PREFIX).append(host);
        if (port != -1) {
            sb.append("%3A").append(port);
        }
        for (String s : path) {
            sb.append(':').append(s);
        }
        return sb.toString();
    }

    /** The same host with more path segments (a merchant under the platform). */
    public DidWeb child(String... segments) {
        List<String> more = new java.util.ArrayList<>(path);
        more.addAll(List.of(segments));
        return new DidWeb(host, port, more);
    }

    /** Same host and port (the path is ignored). */
    public boolean sameHost(DidWeb other) {
        return host.equals(other.host) && port == other.port;
    }

    /** Where the document lives, over {@code scheme} (https per the method; http only for a local platform). */
    public URI documentUrl(String scheme) {
        String p = path.isEmpty() ? "/.well-known/did.json" : "/" + String.join("/", path) + "/did.json";
        return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + p);
    }

    @Override
    public String toString() {
        return did();
    }
}
