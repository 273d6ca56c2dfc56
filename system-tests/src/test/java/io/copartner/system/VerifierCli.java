package io.copartner.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the standalone third-party verifier (its fat jar, as an outsider would) against the test platform. */
final class VerifierCli {

    record Result(int exitCode, String output) {
    }

    private VerifierCli() {
    }

    static Result run(Path state, String... extra) {
        Path jar = Path.of(System.getProperty("copartner.verifier.jar", "../verifier/target/copartner-verifier.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("verifier jar missing: " + jar.toAbsolutePath());
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
            "--base-url", PlatformExtension.settings().baseUrl(),
            "--rpc-url", PlatformExtension.settings().chainRpcUrl(),
            "--state", state.toString(), "--json"));
        cmd.addAll(List.of(extra));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("verifier did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
