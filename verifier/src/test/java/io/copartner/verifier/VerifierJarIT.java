package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged fat jar, run as a separate process exactly as a third party would: {@code java -jar}. */
class VerifierJarIT {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path jar() {
        return Path.of(System.getProperty("verifier.jar", "target/copartner-verifier.jar"));
    }

    record Run(int exit, String stdout, String stderr) {
    }

    static Run java(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void fatJarContainsNoPlatformCode() throws Exception {
        try (JarFile jf = new JarFile(jar().toFile())) {
            assertEquals("io.copartner.verifier.Verify", jf.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> foreign = jf.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/copartner/") && !n.startsWith("io/copartner/verifier/") && !n.endsWith("/"))
                    .toList();
            assertTrue(foreign.isEmpty(), "platform classes in the verifier jar: " + foreign);
            assertFalse(jf.stream().anyMatch(e -> e.getName().endsWith(".SF")), "stale jar signatures");
        }
    }

    @Test
    void usageAndExitCodes() throws Exception {
        Run help = java(List.of("--help"));
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("--base-url URL"), help.stdout());
        assertEquals(2, java(List.of("--bogus")).exit());
    }

    @Test
    void jarVerifiesAnHonestLogAndRejectsATamperedOne() throws Exception {
        try (FakeLogServer server = new FakeLogServer();
             AnvilChain chain = new AnvilChain()) {
            server.entries = FakeLogServer.entries(21);
            List<String> args = new ArrayList<>(List.of("--base-url", server.baseUrl().toString(),
                    "--state", tmp.resolve("s.json").toString(), "--json"));
            String contract = chain.deploy();
            for (int size : new int[] {7, 21}) {
                var r = chain.anchor(contract, size, server.root(size));
                server.anchors.add(MAPPER.createObjectNode().put("treeSize", size)
                        .put("root", HexFormat.of().formatHex(server.root(size))).put("chainId", AnvilChain.CHAIN_ID)
                        .put("contract", contract).put("txHash", r.getTransactionHash())
                        .put("blockNumber", r.getBlockNumber().longValue()).put("gasUsed", r.getGasUsed().longValue())
                        .put("anchoredAt", "2026-01-01T00:00:00Z"));
            }
            args.addAll(List.of("--rpc-url", chain.rpcUrl));
            Run ok = java(args);
            assertEquals(0, ok.exit(), ok.stdout() + ok.stderr());
            JsonNode report = MAPPER.readTree(ok.stdout());
            assertTrue(report.path("ok").asBoolean());
            report.path("checks").forEach(c -> assertTrue(c.path("ok").asBoolean(), c.toString()));
            assertFalse(ok.stderr().contains("SLF4J"), "no logging noise on stderr: " + ok.stderr());
            assertTrue(report.toString().contains("anchor treeSize=21"), report.toPrettyString());
            assertTrue(Files.exists(tmp.resolve("s.json")));

            server.servedCanonicalOverride.put(20, FakeLogServer.entry(20).replace("caf\u00e9", "cafe"));
            args.remove("--json");
            Run bad = java(args);
            assertEquals(1, bad.exit(), bad.stdout());
            // the last leaf is always sampled (16 of 21 by default)
            assertTrue(bad.stdout().contains("FAIL  inclusion: 1 of 16 sampled leaves failed: leaf 20: "), bad.stdout());
            assertTrue(bad.stdout().contains("VERIFICATION FAILED"), bad.stdout());
        }
    }
}
