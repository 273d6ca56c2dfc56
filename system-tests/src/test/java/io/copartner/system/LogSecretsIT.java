package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret in any log line: after every other scenario (so over the logs of the whole run: Liberty's messages,
 * console and trace, Keycloak's log, anvil's, the launcher's captured output, PostgreSQL's), every log file under
 * the platform's data directory is searched for the secrets this run used and for anything shaped like a token.
 *
 * <p>There is no exception: a forgery of our issuer's token is refused by the token guard before Liberty's
 * MicroProfile JWT feature, which would write it whole into its CWWKS6041E message and its FFDC incident.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE)
class LogSecretsIT {

    /** Secrets a scenario made up at run time (a keystore password, ...), added as they are made. */
    static final Set<String> SECRETS_USED = ConcurrentHashMap.newKeySet();

    /** Three base64url parts, the first two JSON objects: a JWT or JWS (access, refresh, ID token, DID assertion). */
    static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    /** A bearer credential or a password written as a parameter, whatever its value. */
    static final Pattern CREDENTIAL = Pattern.compile(
        "(?i)(bearer [A-Za-z0-9._~+/-]{20,}|client_secret=[^&\\s*]{4,}|password=[^&\\s*,}\\]]{4,})");

    @Test
    void noLogLineHoldsASecretOrAToken() throws IOException {
        var s = PlatformExtension.settings();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("Keycloak platform client secret", s.platformClientSecret());
        String key = s.chainPrivateKey();
        secrets.put("chain private key", key.startsWith("0x") ? key.substring(2) : key);
        secrets.put("merchant password used by MerchantAdminIT", "secret-pw");
        for (Path candidate : seedFiles(s.dataDir())) {
            byte[] raw = Files.readAllBytes(candidate);
            String text = new String(raw, StandardCharsets.US_ASCII).trim();
            secrets.put("checkpoint signing seed (" + candidate.getFileName() + ")",
                text.length() >= 40 ? text : Base64.getEncoder().encodeToString(raw));
        }
        int i = 0;
        for (String made : SECRETS_USED) {
            secrets.put("run-time secret " + ++i, made);
        }

        List<Path> logs = logFiles(s.dataDir());
        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> text = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int n = 0; n < text.size(); n++) {
                String line = text.get(n);
                lines++;
                String where = s.dataDir().relativize(log) + ":" + (n + 1);
                for (var secret : secrets.entrySet()) {
                    if (line.contains(secret.getValue())) {
                        found.add(where + " holds the " + secret.getKey());
                    }
                }
                Matcher token = TOKEN.matcher(line);
                while (token.find()) {
                    found.add(where + " holds a token: " + token.group().substring(0, 24) + "...");
                }
                Matcher credential = CREDENTIAL.matcher(line);
                if (credential.find()) {
                    found.add(where + " holds a credential: "
                        + credential.group().substring(0, Math.min(24, credential.group().length())) + "...");
                }
            }
        }
        System.out.printf("[log-secrets] %d log files, %d lines, %d known secrets and 2 token patterns: %d hits%n",
            logs.size(), lines, secrets.size(), found.size());
        assertTrue(logs.stream().anyMatch(p -> p.toString().contains("keycloak")), "Keycloak's log was scanned: " + logs);
        assertTrue(logs.stream().anyMatch(p -> p.getFileName().toString().equals("messages.log")),
            "Liberty's messages.log was scanned: " + logs);
        assertTrue(found.isEmpty(), String.join("\n", found.subList(0, Math.min(40, found.size()))));
    }

    static List<Path> seedFiles(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".seed")).toList();
        }
    }

    /** Log files: *.log, *.log.N, trace and console output, and anything in a log or logs directory. */
    static List<Path> logFiles(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                String parent = p.getParent().getFileName().toString();
                return name.matches(".*\\.log(\\.\\d+)?") || name.startsWith("trace") || name.startsWith("console")
                    || parent.equals("logs") || parent.equals("log");
            }).toList();
        }
    }
}
