package io.copartner.bench;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The signature checks that bound ballots/s, one thread, without the platform: the JDK's Ed25519 (the baseline),
 * BouncyCastle's rfc8032 Ed25519 alone, BouncyCastle's verify plus the order check of R that identity's
 * {@code FastEd25519} adds to keep the JDK's (cofactorless) verdicts, and ES256K (secp256k1 ECDSA with BouncyCastle,
 * as nimbus' ECDSAVerifier does it, the public key rebuilt per check as a ballot's kid does). The variants take turns
 * for {@code rounds} rounds (a loaded machine moves all of them alike) and the median per variant is printed with its
 * ratio to the JDK's in the same run. A figure, never an assertion.
 * Run: {@code java -cp bench/target/benchmarks.jar io.copartner.bench.SignatureBench [seconds per turn] [rounds]}.
 */
final class SignatureBench {

    private static final Provider BC = new BouncyCastleProvider();

    private SignatureBench() {
    }

    record Figure(String name, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "== Signature checks/s, 1 thread, 300-byte input, median of %d turns of %.1f s; "
            + "load avg %s, %d cores ==%n", rounds, seconds, PlatformBench.loadAverage(),
            Runtime.getRuntime().availableProcessors());
        List<Figure> figures = run(seconds, rounds);
        double base = figures.get(0).perSecond();
        for (Figure f : figures) {
            System.out.printf(Locale.ROOT, "%-74s %10s/s  x %.2f%n", f.name(), PlatformBench.fmt(f.perSecond()),
                f.perSecond() / base);
        }
        System.out.printf("load avg after: %s%n", PlatformBench.loadAverage());
    }

    static List<Figure> run(double seconds, int rounds) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] input = new byte[300]; // about a ballot's signing input
        random.nextBytes(input);

        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(ed.getPrivate());
        signer.update(input);
        byte[] edSig = signer.sign();
        byte[] edSpki = ed.getPublic().getEncoded();
        byte[] edRaw = Arrays.copyOfRange(edSpki, edSpki.length - 32, edSpki.length);

        ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec("secp256k1");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(spec, random);
        KeyPair k1 = g.generateKeyPair();
        Signature k1Signer = Signature.getInstance("SHA256withPLAIN-ECDSA", BC); // R‖S, as ES256K
        k1Signer.initSign(k1.getPrivate());
        k1Signer.update(input);
        byte[] k1Sig = k1Signer.sign();
        X9ECParameters x9 = CustomNamedCurves.getByName("secp256k1");
        byte[] k1Compressed = ((org.bouncycastle.jce.interfaces.ECPublicKey) k1.getPublic()).getQ().getEncoded(true);

        String[] names = {
            "JDK Ed25519 verify (baseline; the kernel's check)",
            "BouncyCastle rfc8032 Ed25519 verify alone (cofactored)",
            "BouncyCastle Ed25519 verify + order check of R (identity's FastEd25519)",
            "ES256K: BouncyCastle SHA256withPLAIN-ECDSA, key decoded per check"};
        Check[] checks = {
            () -> {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(ed.getPublic());
                s.update(input);
                return s.verify(edSig);
            },
            () -> Ed25519.verify(edSig, 0, edRaw, 0, input, 0, input.length),
            () -> Ed25519.verify(edSig, 0, edRaw, 0, input, 0, input.length) && Ed25519.validatePublicKeyFull(edSig, 0),
            () -> {
                PublicKey pub = KeyFactory.getInstance("EC", BC).generatePublic(
                    new ECPublicKeySpec(x9.getCurve().decodePoint(k1Compressed), spec));
                Signature s = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
                s.initVerify(pub);
                s.update(input);
                return s.verify(k1Sig);
            }};
        double[][] rates = new double[checks.length][rounds];
        for (Check c : checks) {
            rate(c, 0.5); // warm-up
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < checks.length; i++) {
                rates[i][r] = rate(checks[i], seconds);
            }
        }
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < checks.length; i++) {
            double[] sorted = rates[i].clone();
            Arrays.sort(sorted);
            out.add(new Figure(names[i], sorted[sorted.length / 2]));
        }
        return out;
    }

    interface Check {
        boolean verifies() throws Exception;
    }

    private static double rate(Check check, double seconds) throws Exception {
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (!check.verifies()) {
                throw new IllegalStateException("a valid signature did not verify");
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
