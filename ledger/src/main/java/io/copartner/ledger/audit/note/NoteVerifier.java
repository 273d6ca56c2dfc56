package io.copartner.ledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies C2SP {@code signed-note}s signed with Ed25519 (see {@link NoteSigner} for the format).
 *
 * <p>Following the spec: the text is separated from the signatures by the last empty line; every line after it
 * must be a well-formed signature line; signatures from other keys (a different name or key ID) are ignored; if a
 * signature carries the expected name and key ID it must verify, otherwise the whole note is rejected; and at least
 * one must verify.
 */
public final class NoteVerifier {

    /** Upper bound on signature lines (the spec requires accepting at least 16). */
    static final int MAX_SIGNATURES = 100;
    private static final int KEY_ID_SIZE = 4;
    private static final int ED25519_SIGNATURE_SIZE = 64;

    private NoteVerifier() {
    }

    /**
     * Does the note carry a valid Ed25519 signature over its text by the key {@code keyName} / {@code publicKey}?
     * Never throws: malformed notes, invalid names or non-Ed25519 keys yield {@code false}.
     */
    public static boolean verify(String note, String keyName, PublicKey publicKey) {
        if (note == null || publicKey == null || !NoteSigner.isValidKeyName(keyName)) {
            return false;
        }
        try {
            Parsed parsed = parse(note);
            byte[] keyId = NoteSigner.keyId(keyName, NoteSigner.rawPublicKey(publicKey));
            byte[] text = parsed.body.getBytes(StandardCharsets.UTF_8);
            boolean verified = false;
            for (SignatureLine line : parsed.signatures) {
                if (!line.keyName.equals(keyName)
                        || !MessageDigest.isEqual(Arrays.copyOf(line.blob, KEY_ID_SIZE), keyId)) {
                    continue; // another key's signature
                }
                if (line.blob.length != KEY_ID_SIZE + ED25519_SIGNATURE_SIZE) {
                    return false;
                }
                Signature ed25519 = NoteSigner.newEd25519();
                ed25519.initVerify(publicKey);
                ed25519.update(text);
                if (!ed25519.verify(Arrays.copyOfRange(line.blob, KEY_ID_SIZE, line.blob.length))) {
                    return false; // a known key's signature that fails rejects the note
                }
                verified = true;
            }
            return verified;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The note text (including its final newline, without the blank separator line), from a well-formed signed
     * note. The signatures are not verified; use {@link #verify} before trusting the text.
     *
     * @throws IllegalArgumentException if the note is not a well-formed signed note
     */
    public static String body(String note) {
        return parse(note).body;
    }

    private record SignatureLine(String keyName, byte[] blob) {
    }

    private record Parsed(String body, List<SignatureLine> signatures) {
    }

    private static Parsed parse(String note) {
        Objects.requireNonNull(note, "note must not be null");
        String problem = NoteSigner.textProblem(note);
        if (problem != null) {
            throw new IllegalArgumentException("signed note " + problem);
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("signed note must end with a newline");
        }
        int separator = note.lastIndexOf("\n\n");
        if (separator < 0) {
            throw new IllegalArgumentException("signed note has no blank line before its signatures");
        }
        String body = note.substring(0, separator + 1);
        String block = note.substring(separator + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("signed note has no signatures");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("signed note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<SignatureLine> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(parseSignatureLine(line));
        }
        return new Parsed(body, signatures);
    }

    private static SignatureLine parseSignatureLine(String line) {
        if (!line.startsWith(NoteSigner.SIGNATURE_LINE_PREFIX)) {
            throw new IllegalArgumentException("signature line must start with an em dash and a space: " + line);
        }
        String[] parts = line.substring(NoteSigner.SIGNATURE_LINE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || !NoteSigner.isValidKeyName(parts[0])) {
            throw new IllegalArgumentException("malformed signature line: " + line);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not valid base64: " + line, e);
        }
        if (!Base64.getEncoder().encodeToString(blob).equals(parts[1])) {
            throw new IllegalArgumentException("signature is not canonical padded base64: " + line);
        }
        if (blob.length <= KEY_ID_SIZE) {
            throw new IllegalArgumentException("signature is shorter than a key ID and a signature: " + line);
        }
        return new SignatureLine(parts[0], blob);
    }
}
