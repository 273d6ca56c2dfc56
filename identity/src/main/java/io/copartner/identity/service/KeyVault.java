package io.copartner.identity.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encryption at rest of the platform's private keys in the identity schema (AES-256-GCM, the key id bound as
 * associated data), and the keyed hash that turns actors into pseudonyms for the audit log. The
 * key-encryption key comes from {@code copartner.identity.key.encryption.key} (base64, 32 bytes; set the same on
 * every instance) or is generated at first start into the data directory, like the checkpoint key.
 */
@ApplicationScoped
public class KeyVault {

    private static final int NONCE = 12;

    @Inject
    @ConfigProperty(name = "copartner.identity.key.encryption.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "copartner.data.dir", defaultValue = "data")
    String dataDir;

    private SecretKeySpec kek;
    private byte[] pseudonymKey;

    @PostConstruct
    void init() {
        byte[] raw = configuredKey.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.trim()))
            .orElseGet(this::fromDataDir);
        if (raw.length != 32) {
            throw new IllegalStateException("copartner.identity.key.encryption.key must be 32 bytes, base64");
        }
        kek = new SecretKeySpec(raw, "AES");
        pseudonymKey = hmac(raw, "copartner identity audit pseudonyms v1".getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encrypt(byte[] secret, String keyId) {
        try {
            byte[] nonce = new byte[NONCE];
            new SecureRandom().nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String keyId) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, sealed, 0, NONCE));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the private key of " + keyId
                + " cannot be decrypted: is copartner.identity.key.encryption.key the one it was stored with?", e);
        }
    }

    /** A stable pseudonym of an actor (HMAC-SHA-256 under a key derived from the KEK), hex. */
    public String pseudonym(String value) {
        return HexFormat.of().formatHex(hmac(pseudonymKey, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fromDataDir() {
        Path file = Path.of(dataDir, "keys", "identity-kek.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "kek", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
                if (!Files.exists(file)) {
                    throw raced;
                }
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the identity key-encryption key at " + file, e);
        }
    }
}
