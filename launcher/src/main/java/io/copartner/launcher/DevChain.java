package io.copartner.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** anvil from npm (node_modules, `npm ci` on first use), its state kept in data/chain so contracts survive restarts. */
final class DevChain {

    private DevChain() {
    }

    static ManagedProcess launch(PlatformSettings s) {
        Path anvil = anvilBinary(s.projectDir());
        Path state = s.dataDir().resolve("chain/state.json");
        try {
            Files.createDirectories(state.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = List.of(anvil.toString(),
            "--host", PlatformSettings.HOST,
            "--port", Integer.toString(s.chainPort()),
            "--chain-id", Long.toString(s.chainId()),
            "--state", state.toString(),
            // Dump every few seconds as well as on exit, so even a killed chain keeps its recent history.
            "--state-interval", "5",
            // Not its banner: it prints the dev accounts' private keys, and no log line may hold a key.
            "--silent");
        return ManagedProcess.start("anvil", cmd, s.projectDir(), Map.of(), s.dataDir().resolve("logs/anvil.log"));
    }

    static boolean isReady(PlatformSettings s) {
        return chainId(s.chainRpcUrl()) != null;
    }

    static String chainId(String rpc) {
        return Http.postJson(rpc, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}");
    }

    static Path anvilBinary(Path project) {
        Path bin = project.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        if (!Files.isExecutable(bin)) {
            ManagedProcess npm = ManagedProcess.start("npm ci", List.of("npm", "ci", "--no-audit", "--no-fund"),
                project, Map.of(), project.resolve("data/logs/npm-ci.log"));
            npm.awaitExit(Duration.ofMinutes(5));
        }
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("anvil not found at " + bin + " after npm ci");
        }
        return bin;
    }
}
