package io.copartner.ledger.audit;

import io.copartner.ledger.audit.note.NoteSigner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's Ed25519 checkpoint key: supplied by configuration (a base64 32-byte seed, the same on every
 * instance) or generated at first start into the data directory. The note key name is the log's origin.
 */
@ApplicationScoped
public class CheckpointKeys {

    private static final byte[] PKCS8_ED25519_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] X509_ED25519_PREFIX = hex("302a300506032b6570032100");

    @Inject
    @ConfigProperty(name = "copartner.audit.signing.key")
    Optional<String> configuredSeed;

    @Inject
    @ConfigProperty(name = "copartner.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "copartner.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "copartner.audit.origin")
    Optional<String> configuredOrigin;

    private String origin;
    private NoteSigner signer;
    private byte[] publicKey;

    @PostConstruct
    void init() {
        origin = configuredOrigin.filter(o -> !o.isBlank()).orElseGet(() -> defaultOrigin(publicUrl));
        byte[] seed = configuredSeed.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.trim()))
            .orElseGet(this::seedFromDataDir);
        if (seed.length != 32) {
            throw new IllegalStateException("copartner.audit.signing.key must be a base64 32-byte Ed25519 seed");
        }
        KeyPair pair = keyPair(seed);
        publicKey = NoteSigner.rawPublicKey(pair.getPublic());
        signer = new NoteSigner(origin, pair);
    }

    /** C2SP origins are schema-less: host[:port]/audit. */
    static String defaultOrigin(String publicUrl) {
        URI uri = URI.create(publicUrl);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/audit";
    }

    public String origin() {
        return origin;
    }

    public NoteSigner signer() {
        return signer;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    private byte[] seedFromDataDir() {
        Path file = Path.of(dataDir, "keys", "checkpoint-ed25519.seed");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "seed", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(seed), StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key at " + file, e);
        }
    }

    static KeyPair keyPair(byte[] seed) {
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519_PREFIX, seed)));
            byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(concat(X509_ED25519_PREFIX, raw)));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
