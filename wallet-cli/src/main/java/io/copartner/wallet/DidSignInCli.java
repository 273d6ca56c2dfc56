package io.copartner.wallet;

import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal wallet for developers: signs Copartner's DID sign-in challenge with a did:key and prints the
 * Keycloak token response. With {@code --repeat N} it signs in N times serially and prints latency figures.
 *
 * <pre>
 * java -cp copartner-wallet.jar:bcprov-jdk18on.jar io.copartner.wallet.DidSignInCli \
 *   [--keycloak http://127.0.0.1:8180] [--realm copartner] [--client copartner-cli] \
 *   [--type ed25519|secp256k1] [--key wallet.key] [--repeat N] [--sign-nonce NONCE]
 * </pre>
 * With {@code --sign-nonce} it only prints the signed JWT for that nonce, to paste into the browser sign-in page.
 * Ed25519 needs only the JDK; secp256k1 needs BouncyCastle on the class path (JDK 17 has no secp256k1).
 */
public final class DidSignInCli {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DidSignInCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("--keycloak", "http://127.0.0.1:8180",
            "--realm", "copartner", "--client", "copartner-cli", "--type", "ed25519", "--repeat", "0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !opt.keySet().stream().allMatch(k -> List.of("--keycloak", "--realm", "--client",
            "--type", "--key", "--repeat", "--sign-nonce").contains(k))) {
            System.err.println("usage: DidSignInCli [--keycloak URL] [--realm NAME] [--client ID] "
                + "[--type ed25519|secp256k1] [--key FILE] [--repeat N] [--sign-nonce NONCE]");
            System.exit(2);
        }
        KeyType type = opt.get("--type").equalsIgnoreCase("secp256k1") ? KeyType.SECP256K1 : KeyType.ED25519;
        Wallet wallet = opt.containsKey("--key") ? Wallet.load(Path.of(opt.get("--key")), type) : Wallet.create(type);
        String realmUrl = opt.get("--keycloak").replaceAll("/$", "") + "/realms/" + opt.get("--realm");
        String tokenEndpoint = realmUrl + "/protocol/openid-connect/token";
        System.err.println("DID " + wallet.did.did());
        if (opt.containsKey("--sign-nonce")) {
            System.out.println(assertion(wallet, tokenEndpoint, opt.get("--sign-nonce")));
            return;
        }

        int repeat = Integer.parseInt(opt.get("--repeat"));
        if (repeat <= 0) {
            System.out.println(signIn(wallet, realmUrl, tokenEndpoint, opt.get("--client")));
            return;
        }
        signIn(wallet, realmUrl, tokenEndpoint, opt.get("--client")); // registers the user, warms up
        List<Long> micros = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            signIn(wallet, realmUrl, tokenEndpoint, opt.get("--client"));
            micros.add((System.nanoTime() - t0) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(micros);
        System.out.printf("%s: %d serial sign-ins (nonce + sign + token): p50 %.1f ms, p90 %.1f ms, %.1f tokens/s%n",
            type, repeat, micros.get(repeat / 2) / 1000.0, micros.get(repeat * 9 / 10) / 1000.0, repeat / seconds);
    }

    /** nonce → signed JWT → token response (JSON text); fails on any non-200. */
    static String signIn(Wallet w, String realmUrl, String tokenEndpoint, String client) throws Exception {
        String nonceJson = post(realmUrl + "/did-auth/nonce", "");
        Matcher m = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"").matcher(nonceJson);
        if (!m.find()) {
            throw new IllegalStateException("no nonce in " + nonceJson);
        }
        String jwt = assertion(w, tokenEndpoint, m.group(1));
        return post(tokenEndpoint, "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer")
            + "&assertion=" + enc(jwt) + "&client_id=" + enc(client));
    }

    /** The sign-in JWT over {@code nonce}, valid 120 s. */
    static String assertion(Wallet w, String tokenEndpoint, String nonce) throws Exception {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + w.did.did() + "\",\"sub\":\"" + w.did.did() + "\",\"aud\":\""
            + tokenEndpoint + "\",\"nonce\":\"" + nonce + "\",\"iat\":" + now + ",\"exp\":" + (now + 120)
            + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        return w.sign(payload);
    }

    private static String post(String url, String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A did:key and its private key; the key file holds the type and the PKCS#8 key in base64. */
    static final class Wallet {
        final KeyType type;
        final PrivateKey key;
        final DidKey did;

        Wallet(KeyType type, PrivateKey key, DidKey did) {
            this.type = type;
            this.key = key;
            this.did = did;
        }

        static Wallet create(KeyType type) throws Exception {
            KeyPair kp;
            if (type == KeyType.ED25519) {
                kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } else {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc());
                g.initialize(new ECGenParameterSpec("secp256k1"));
                kp = g.generateKeyPair();
            }
            return of(type, kp.getPrivate());
        }

        static Wallet load(Path file, KeyType requested) throws Exception {
            if (!Files.exists(file)) {
                Wallet w = create(requested);
                Files.writeString(file, w.type.name() + "\n"
                    + Base64.getEncoder().encodeToString(w.key.getEncoded()) + "\n");
                return w;
            }
            List<String> lines = Files.readAllLines(file);
            KeyType type = KeyType.valueOf(lines.get(0).trim());
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim()));
            PrivateKey key = type == KeyType.ED25519 ? KeyFactory.getInstance("Ed25519").generatePrivate(spec)
                : KeyFactory.getInstance("EC", bc()).generatePrivate(spec);
            return of(type, key);
        }

        private static Wallet of(KeyType type, PrivateKey key) throws Exception {
            if (type == KeyType.ED25519) {
                return new Wallet(type, key, DidKey.of(type, ed25519Public(key)));
            }
            // secp256k1: Q = d·G on BouncyCastle's curve (reflection keeps BouncyCastle optional for Ed25519 users).
            BigInteger d = ((ECPrivateKey) key).getS();
            Class<?> table = Class.forName("org.bouncycastle.jce.ECNamedCurveTable");
            Object spec = table.getMethod("getParameterSpec", String.class).invoke(null, "secp256k1");
            Object g = spec.getClass().getMethod("getG").invoke(spec);
            Object q = g.getClass().getMethod("multiply", BigInteger.class).invoke(g, d);
            byte[] compressed = (byte[]) q.getClass().getMethod("getEncoded", boolean.class).invoke(q, true);
            return new Wallet(type, key, DidKey.of(type, compressed));
        }

        String sign(String payloadJson) throws Exception {
            String alg = type == KeyType.ED25519 ? "EdDSA" : "ES256K";
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + did.keyId() + "\"}";
            String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
            byte[] sig;
            if (type == KeyType.ED25519) {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                sig = s.sign();
            } else {
                Signature s = Signature.getInstance("SHA256withECDSA", bc());
                s.initSign(key);
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                sig = derToJose(s.sign());
            }
            return input + "." + b64(sig);
        }
    }

    /** The 32-byte public key of a JDK Ed25519 private key (RFC 8032 §5.1.5), computed by the JDK itself. */
    static byte[] ed25519Public(PrivateKey key) throws Exception {
        // The JDK exposes no public-key derivation; a KeyPairGenerator seeded with the private key's bytes
        // produces the same pair, since Ed25519 key generation is "32 random bytes".
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) key).getBytes().orElseThrow();
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedRandom(seed));
        byte[] spki = g.generateKeyPair().getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** A "random" source that returns one fixed seed: only to re-derive an Ed25519 public key. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    /** DER ECDSA signature → JWS R||S (32 + 32 bytes). */
    static byte[] derToJose(byte[] der) {
        int off = 2 + (der[1] == (byte) 0x81 ? 1 : 0);
        int rLen = der[off + 1];
        byte[] r = Arrays.copyOfRange(der, off + 2, off + 2 + rLen);
        off = off + 2 + rLen;
        int sLen = der[off + 1];
        byte[] s = Arrays.copyOfRange(der, off + 2, off + 2 + sLen);
        byte[] out = new byte[64];
        copy32(r, out, 0);
        copy32(s, out, 32);
        return out;
    }

    private static void copy32(byte[] v, byte[] out, int off) {
        int n = Math.min(v.length, 32);
        System.arraycopy(v, v.length - n, out, off + 32 - n, n);
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static java.security.Provider bc() throws Exception {
        return (java.security.Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
            .getDeclaredConstructor().newInstance();
    }
}
