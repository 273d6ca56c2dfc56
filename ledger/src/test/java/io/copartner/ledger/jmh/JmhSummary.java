package io.copartner.ledger.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads JMH's JSON result file ({@code -rf json -rff FILE}) and prints the micro-benchmark figures with ratios
 * against the SHA-256 baseline measured in the same JMH run. Usage: {@code JmhSummary FILE}.
 */
public final class JmhSummary {

    private JmhSummary() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "ledger/target/jmh.json").toFile());
        double sha64 = score(results, "Sha256Bench.sha256", "thrpt", "64");
        double sha300 = score(results, "Sha256Bench.sha256", "thrpt", "300");
        double leaf300 = score(results, "Sha256Bench.leafHash", "thrpt", "300");
        double append = score(results, "MerkleAppendBench.append", "thrpt", null);
        double proofAvg = score(results, "InclusionProofBench.inclusionProof", "avgt", null);
        JsonNode sample = find(results, "InclusionProofBench.inclusionProof", "sample", null);
        double proofP50 = percentile(sample, "50.0");
        double proofP99 = percentile(sample, "99.0");

        System.out.println();
        System.out.println("== JMH summary (baseline: raw SHA-256 of 64 bytes, same run) ==");
        row("SHA-256, 64 B (baseline)", sha64, "hashes/s", 1.0);
        row("SHA-256, 300 B", sha300, "hashes/s", sha300 / sha64);
        row("Rfc9162.leafHash, 300 B", leaf300, "hashes/s", leaf300 / sha64);
        row("MerkleFrontier.append", append, "appends/s", append / sha64);
        row("inclusion proof @1e6, avg", proofAvg, "us", proofAvg * sha64 / 1e6);
        row("inclusion proof @1e6, p50", proofP50, "us", proofP50 * sha64 / 1e6);
        row("inclusion proof @1e6, p99", proofP99, "us", proofP99 * sha64 / 1e6);
        System.out.println("ratio column: throughput / baseline throughput; for times: time in units of one 64-byte SHA-256");
    }

    private static void row(String what, double value, String unit, double ratio) {
        System.out.printf(Locale.ROOT, "%-32s %14s %-10s %10s%n", what,
            Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.1f", value), unit,
            Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "x %.3f", ratio));
    }

    private static double score(JsonNode results, String bench, String mode, String sizeParam) {
        JsonNode r = find(results, bench, mode, sizeParam);
        return r == null ? Double.NaN : r.path("primaryMetric").path("score").asDouble(Double.NaN);
    }

    private static double percentile(JsonNode r, String p) {
        return r == null ? Double.NaN : r.path("primaryMetric").path("scorePercentiles").path(p).asDouble(Double.NaN);
    }

    private static JsonNode find(JsonNode results, String bench, String mode, String sizeParam) {
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().endsWith(bench) && mode.equals(r.path("mode").asText())
                && (sizeParam == null || sizeParam.equals(r.path("params").path("size").asText()))) {
                return r;
            }
        }
        return null;
    }
}
