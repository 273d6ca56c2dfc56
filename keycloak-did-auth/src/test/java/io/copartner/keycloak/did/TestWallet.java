package io.copartner.keycloak.did;

import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** A did:key wallet for tests: a fresh key pair and a signer of sign-in assertions. */
final class TestWallet {

    final KeyType type;
    final KeyPair keys;
    final DidKey did;

    private TestWallet(KeyType type, KeyPair keys, DidKey did) {
        this.type = type;
        this.keys = keys;
        this.did = did;
    }

    static TestWallet create(KeyType type) throws Exception {
        if (type == KeyType.ED25519) {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new TestWallet(type, kp, DidKey.of(type, PublicKeys.rawEd25519(kp.getPublic())));
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", PublicKeys.BC);
        g.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair kp = g.generateKeyPair();
        return new TestWallet(type, kp, DidKey.of(type, PublicKeys.compressed((ECPublicKey) kp.getPublic())));
    }

    String alg() {
        return type == KeyType.ED25519 ? "EdDSA" : "ES256K";
    }

    /** Standard claims for {@code aud}, {@code nonce} at {@code iat}, valid 120 s. */
    static JWTClaimsSet.Builder claims(DidKey did, String aud, String nonce, Instant iat) {
        return new JWTClaimsSet.Builder().issuer(did.did()).subject(did.did()).audience(aud)
            .claim("nonce", nonce).issueTime(Date.from(iat)).expirationTime(Date.from(iat.plusSeconds(120)))
            .jwtID(UUID.randomUUID().toString());
    }

    String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, h -> { });
    }

    String sign(JWTClaimsSet claims, Consumer<JWSHeader.Builder> headerTweak) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(new JWSAlgorithm(alg())).type(JOSEObjectType.JWT)
            .keyID(did.keyId());
        headerTweak.accept(h);
        SignedJWT jwt = new SignedJWT(h.build(), claims);
        jwt.sign(signer(keys.getPrivate()));
        return jwt.serialize();
    }

    JWSSigner signer(PrivateKey key) throws Exception {
        if (type == KeyType.SECP256K1) {
            ECDSASigner s = new ECDSASigner((ECPrivateKey) key);
            s.getJCAContext().setProvider(PublicKeys.BC);
            return s;
        }
        return new JdkEd25519Signer(key);
    }

    /** EdDSA signing with the JDK (nimbus' own Ed25519Signer needs Tink). */
    static final class JdkEd25519Signer implements JWSSigner {
        private final PrivateKey key;

        JdkEd25519Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                s.update(signingInput);
                return Base64URL.encode(s.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }
}
