package io.copartner.identity.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.copartner.kernel.encoding.KeyType;
import io.copartner.identity.did.PublicKey;
import io.copartner.kernel.crypto.Ed25519;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Set;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/**
 * JWS signers and verifiers for the key types DIDs here carry. Ed25519 (EdDSA) signs with the JDK and verifies with
 * {@link FastEd25519} (the JDK's verdicts, faster; nimbus' own would need Tink); ES256K uses nimbus with a private
 * BouncyCastle provider instance, since JDK 17 dropped secp256k1, so it stays here (the kernel has neither). Nothing
 * is registered globally.
 */
public final class JwsKeys {

    private static final Provider BC = new BouncyCastleProvider();
    private static final ECNamedCurveParameterSpec SECP256K1 = ECNamedCurveTable.getParameterSpec("secp256k1");

    private JwsKeys() {
    }

    public static JWSAlgorithm algorithm(KeyType type) {
        return switch (type) {
            case ED25519 -> JWSAlgorithm.EdDSA;
            case SECP256K1 -> JWSAlgorithm.ES256K;
            default -> throw new IllegalArgumentException(type + " keys do not sign");
        };
    }

    public static JWSSigner ed25519Signer(byte[] seed) {
        return new Ed25519Signer(Ed25519Keys.privateKey(seed));
    }

    public static JWSSigner secp256k1Signer(BigInteger d) {
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC", BC)
                .generatePrivate(new ECPrivateKeySpec(d, SECP256K1));
            ECDSASigner signer = new ECDSASigner(key, com.nimbusds.jose.jwk.Curve.SECP256K1);
            signer.getJCAContext().setProvider(BC);
            return signer;
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("secp256k1 unavailable", e);
        }
    }

    /** A verifier for a DID's public key; the JWS {@code alg} must also fit the key ({@link #algorithm}). */
    public static JWSVerifier verifier(PublicKey key) {
        return switch (key.type()) {
            case ED25519 -> new Ed25519Verifier(key.raw());
            case SECP256K1 -> {
                try {
                    ECPublicKey pub = (ECPublicKey) KeyFactory.getInstance("EC", BC)
                        .generatePublic(new ECPublicKeySpec(SECP256K1.getCurve().decodePoint(key.raw()), SECP256K1));
                    ECDSAVerifier v = new ECDSAVerifier(pub);
                    v.getJCAContext().setProvider(BC);
                    yield v;
                } catch (GeneralSecurityException | JOSEException e) {
                    throw new IllegalStateException("secp256k1 unavailable", e);
                }
            }
            default -> throw new IllegalArgumentException(key.type() + " keys do not sign");
        };
    }

    /** EdDSA over Ed25519 with the JDK's provider. */
    static final class Ed25519Signer implements JWSSigner {
        private final PrivateKey key;
        private final JCAContext jca = new JCAContext();

        Ed25519Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
                throw new JOSEException("unsupported alg " + header.getAlgorithm());
            }
            try {
                return Base64URL.encode(Ed25519.sign(key, signingInput));
            } catch (IllegalStateException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }

    /**
     * nimbus' face of the EdDSA JWS check (RFC 8037): the kernel's {@code alg} rule, and {@link FastEd25519}, which
     * gives the kernel's JDK verdicts at BouncyCastle's speed.
     */
    static final class Ed25519Verifier implements JWSVerifier {
        private final byte[] key;
        private final JCAContext jca = new JCAContext();

        Ed25519Verifier(byte[] rawKey) {
            this.key = rawKey.clone();
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            String alg = header.getAlgorithm().getName();
            return Ed25519.JWS_ALGORITHMS.contains(alg) && FastEd25519.verify(key, signingInput, signature.decode());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
