package io.copartner.wallet;

import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import java.nio.file.Path;
import java.security.PrivateKey;

/** Test access to the CLI's package-private wallet. */
public final class DidSignInCliAccess {

    private DidSignInCliAccess() {
    }

    public static String didOf(PrivateKey ed25519) throws Exception {
        return DidKey.of(KeyType.ED25519, DidSignInCli.ed25519Public(ed25519)).did();
    }

    public static String did(Path keyFile, KeyType type) throws Exception {
        return DidSignInCli.Wallet.load(keyFile, type).did.did();
    }

    public static String sign(Path keyFile, KeyType type, String payload) throws Exception {
        return DidSignInCli.Wallet.load(keyFile, type).sign(payload);
    }
}
