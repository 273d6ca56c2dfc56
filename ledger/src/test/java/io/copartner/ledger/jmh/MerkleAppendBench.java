package io.copartner.ledger.jmh;

import io.copartner.ledger.audit.merkle.MerkleFrontier;
import io.copartner.ledger.audit.merkle.NodeId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link MerkleFrontier#append} throughput: what the sequencer does per entry in memory (on average one node hash
 * plus the bookkeeping of the returned nodes). The frontier starts empty each iteration and keeps growing; leaf
 * hashes come from a pre-generated pool so the benchmark hashes only what append hashes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class MerkleAppendBench {

    private static final int POOL = 1 << 16;

    private byte[][] leaves;
    private MerkleFrontier frontier;
    private int next;

    @Setup(Level.Trial)
    public void leaves() {
        SplittableRandom random = new SplittableRandom(7);
        leaves = new byte[POOL][32];
        for (byte[] leaf : leaves) {
            random.nextBytes(leaf);
        }
    }

    @Setup(Level.Iteration)
    public void freshTree() {
        frontier = MerkleFrontier.empty();
        next = 0;
    }

    @Benchmark
    public List<Map.Entry<NodeId, byte[]>> append() {
        return frontier.append(leaves[next++ & (POOL - 1)]);
    }
}
