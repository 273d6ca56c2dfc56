package io.copartner.ledger.jmh;

import io.copartner.ledger.audit.merkle.Rfc9162;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hashing limit: raw SHA-256 of a 64-byte input (two child hashes, the size of a Merkle node's payload) and of
 * a ~300-byte input (a typical canonical-JSON audit entry), with a reused {@link MessageDigest}. {@code leafHash}
 * is the same ~300 bytes through {@link Rfc9162#leafHash}, which adds the 0x00 prefix and a fresh digest instance.
 * Every other audit-log figure is measured against these.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class Sha256Bench {

    @Param({"64", "300"})
    public int size;

    private MessageDigest digest;
    private byte[] input;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        digest = MessageDigest.getInstance("SHA-256");
        input = new byte[size];
        new SplittableRandom(42).nextBytes(input);
    }

    @Benchmark
    public byte[] sha256() {
        return digest.digest(input);
    }

    @Benchmark
    public byte[] leafHash() {
        return Rfc9162.leafHash(input);
    }
}
