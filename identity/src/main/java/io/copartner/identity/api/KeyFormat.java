package io.copartner.identity.api;

/** How a DID document expresses public keys: Multikey ({@code publicKeyMultibase}) or JsonWebKey2020 ({@code publicKeyJwk}). */
public enum KeyFormat {
    MULTIKEY,
    JSON_WEB_KEY_2020;

    /** The did:key resolution option {@code publicKeyFormat}: {@code Multikey} (default) or {@code JsonWebKey2020}. */
    public static KeyFormat ofOption(String value) {
        if (value == null || value.isBlank() || value.equals("Multikey")) {
            return MULTIKEY;
        }
        if (value.equals("JsonWebKey2020") || value.equals("JsonWebKey")) {
            return JSON_WEB_KEY_2020;
        }
        throw new IllegalArgumentException("publicKeyFormat must be Multikey or JsonWebKey2020");
    }
}
