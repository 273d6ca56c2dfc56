package io.copartner.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Command-line entry point: {@code java -jar copartner-verifier.jar --base-url URL --rpc-url URL [--state FILE]
 * [--samples N] [--max-anchors N] [--json]}. Exit code 0 only if every check passes.
 */
public final class Verify {
    private Verify() {
    }

    public static void main(String[] args) {
        // web3j logs through SLF4J; without a provider SLF4J would print a warning on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the CLI and returns its exit code (0 all passed, 1 a check failed, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                err.println("error: " + e.getMessage());
                err.println();
            }
            (e.getMessage() == null ? out : err).print(Options.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        Verifier verifier = new Verifier(opts, mapper);
        List<Check> checks = verifier.run();
        boolean ok = checks.stream().allMatch(Check::ok);
        if (opts.json()) {
            ObjectNode report = mapper.createObjectNode();
            ArrayNode arr = report.putArray("checks");
            for (Check c : checks) {
                arr.addObject().put("name", c.name()).put("ok", c.ok()).put("detail", c.detail());
            }
            report.put("ok", ok);
            try {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println("Verifying " + opts.baseUrl() + (opts.rpcUrl() != null ? " against chain RPC " + opts.rpcUrl() : ""));
            for (Check c : checks) {
                out.println((c.ok() ? "PASS  " : "FAIL  ") + c.name() + ": " + c.detail());
            }
            long failed = checks.stream().filter(c -> !c.ok()).count();
            out.println(ok ? "ALL " + checks.size() + " CHECKS PASSED; checkpoint saved to " + opts.statePath()
                    : "VERIFICATION FAILED: " + failed + " of " + checks.size() + " checks failed; state file left unchanged");
        }
        return ok ? 0 : 1;
    }
}
