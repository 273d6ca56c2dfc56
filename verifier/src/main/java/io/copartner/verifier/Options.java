package io.copartner.verifier;

import java.net.URI;
import java.nio.file.Path;

/** Parsed command line. */
public record Options(URI baseUrl, String rpcUrl, Path statePath, int samples, int maxAnchors, boolean json) {
    static final int DEFAULT_SAMPLES = 16;
    static final int DEFAULT_MAX_ANCHORS = 50;

    static final String USAGE = """
            Usage: java -jar copartner-verifier.jar --base-url URL [--rpc-url URL] [--state FILE]
                                                    [--samples N] [--max-anchors N] [--json]

            Independently verifies a Copartner platform's public audit log:
              1. the checkpoint note is signed by the Ed25519 key in the platform's did:web document
              2. N sampled entries (always the first and the last) are RFC 8785 canonical and included
                 in the checkpoint's tree (RFC 9162 inclusion proofs)
              3. the tree is an append-only extension of the checkpoint saved by the previous run
                 (RFC 9162 consistency proof); the state is saved only when every check passes
              4. each on-chain anchor (newest first) is a successful AuditAnchor.anchor transaction with the
                 claimed tree size and root, rootAt() agrees, and the checkpoint is consistent with it

              --base-url URL     the platform, e.g. https://copartner.example (required)
              --rpc-url URL      JSON-RPC endpoint of the anchoring chain (required if anchors exist)
              --state FILE       last verified checkpoint (default ~/.copartner-verifier/<host>[_<port>].json)
              --samples N        leaves to check for inclusion (default 16)
              --max-anchors N    newest anchors to check (default 50)
              --json             print a machine-readable report {checks:[{name,ok,detail}], ok}

            Exit code: 0 all checks passed, 1 a check failed, 2 usage error.
            """;

    static Options parse(String[] args) {
        URI base = null;
        String rpc = null;
        Path state = null;
        int samples = DEFAULT_SAMPLES;
        int maxAnchors = DEFAULT_MAX_ANCHORS;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--base-url" -> base = URI.create(value(args, ++i, a));
                case "--rpc-url" -> rpc = value(args, ++i, a);
                case "--state" -> state = Path.of(value(args, ++i, a));
                case "--samples" -> samples = positive(value(args, ++i, a), a);
                case "--max-anchors" -> maxAnchors = positive(value(args, ++i, a), a);
                case "--json" -> json = true;
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown argument: " + a);
            }
        }
        if (base == null) {
            throw new UsageException("--base-url is required");
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                || base.getHost() == null) {
            throw new UsageException("--base-url must be an http(s) URL with a host");
        }
        if (state == null) {
            String file = base.getHost() + (base.getPort() != -1 ? "_" + base.getPort() : "") + ".json";
            state = Path.of(System.getProperty("user.home"), ".copartner-verifier", file);
        }
        return new Options(base, rpc, state, samples, maxAnchors, json);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a positive integer");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
