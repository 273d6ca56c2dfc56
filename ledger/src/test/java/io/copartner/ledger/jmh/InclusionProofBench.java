package io.copartner.ledger.jmh;

import io.copartner.ledger.audit.merkle.MerkleFrontier;
import io.copartner.ledger.audit.merkle.NodeId;
import io.copartner.ledger.audit.merkle.Rfc9162;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * An inclusion proof at 10^6 leaves, as the server computes it minus the database: name the perfect subtrees the
 * proof needs ({@link Rfc9162#nodesForInclusion}), fetch them from the store (here a HashMap holding every node
 * {@link MerkleFrontier#append} ever returned, built once in setup), and fold them into the audit path. Random
 * leaf indexes. Average time and, with {@link Mode#SampleTime}, the latency distribution (p99 in the report).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class InclusionProofBench {

    @Param({"1000000"})
    public long treeSize;

    private Map<NodeId, byte[]> store;

    @Setup
    public void buildTree() {
        SplittableRandom random = new SplittableRandom(11);
        store = new HashMap<>((int) Math.min(Integer.MAX_VALUE / 2, treeSize * 3));
        MerkleFrontier frontier = MerkleFrontier.empty();
        byte[] entry = new byte[300];
        for (long i = 0; i < treeSize; i++) {
            random.nextBytes(entry);
            for (Map.Entry<NodeId, byte[]> node : frontier.append(Rfc9162.leafHash(entry))) {
                store.put(node.getKey(), node.getValue());
            }
        }
    }

    @State(Scope.Thread)
    public static class Index {
        final SplittableRandom random = new SplittableRandom(13);
    }

    @Benchmark
    public List<byte[]> inclusionProof(Index index) {
        long leaf = index.random.nextLong(treeSize);
        Set<NodeId> ids = Rfc9162.nodesForInclusion(leaf, treeSize);
        Map<NodeId, byte[]> fetched = new HashMap<>(ids.size() * 2);
        for (NodeId id : ids) {
            fetched.put(id, store.get(id));
        }
        return Rfc9162.inclusionProof(leaf, treeSize, fetched);
    }
}
