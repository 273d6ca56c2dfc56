package io.copartner.ledger.audit.merkle;

import static io.copartner.kernel.crypto.Hashes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    static final int N = 1000;
    static final ReferenceMerkle REF = new ReferenceMerkle(ReferenceMerkle.leafHashes(N));

    /** Appends all N leaves, checking as it goes, and returns every node it asked to persist. */
    static Map<NodeId, byte[]> appendAll() {
        Map<NodeId, byte[]> persisted = new HashMap<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        long total = 0;
        for (int i = 0; i < N; i++) {
            List<Map.Entry<NodeId, byte[]>> created = frontier.append(REF.leafHash(i));
            long n = i + 1;
            // The leaf, then one parent per trailing 1-bit of the old size (each completed subtree).
            assertEquals(1 + Long.numberOfTrailingZeros(n), created.size(), "nodes created by leaf " + i);
            assertEquals(NodeId.leaf(i), created.get(0).getKey());
            for (Map.Entry<NodeId, byte[]> e : created) {
                NodeId id = e.getKey();
                assertEquals(hex(REF.mth(id.firstLeaf(), id.leafCount())), hex(e.getValue()), id.toString());
                assertTrue(id.endLeaf() == n, id + " is not completed by leaf " + i);
                assertTrue(persisted.put(id, e.getValue()) == null, id + " returned twice");
            }
            total += created.size();
            assertEquals(2 * n - Long.bitCount(n), total, "total nodes after " + n + " leaves");
            assertEquals(n, frontier.size());
            assertEquals(hex(REF.root((int) n)), hex(frontier.root()), "root at size " + n);
        }
        return persisted;
    }

    @Test
    void appendingMatchesTheReferenceRootAtEverySizeAndCreates2nMinusPopcountNodes() {
        Map<NodeId, byte[]> persisted = appendAll();
        assertEquals(2L * N - Long.bitCount(N), persisted.size());
    }

    @Test
    void thePersistedNodesAreExactlyEveryPerfectSubtree() {
        Map<NodeId, byte[]> persisted = appendAll();
        Set<NodeId> all = new HashSet<>();
        for (int level = 0; (1 << level) <= N; level++) {
            for (long index = 0; (index + 1) << level <= N; index++) {
                all.add(new NodeId(level, index));
            }
        }
        assertEquals(all, persisted.keySet());
    }

    @Test
    void thePersistedNodesAnswerEveryRootInclusionAndConsistencyQuery() {
        Map<NodeId, byte[]> persisted = appendAll();
        for (int n = 0; n <= N; n++) {
            assertEquals(hex(REF.root(n)), hex(Rfc9162.root(n, persisted)), "root " + n);
            for (int m = 0; m < n; m++) {
                Set<NodeId> inclusion = Rfc9162.nodesForInclusion(m, n);
                assertTrue(persisted.keySet().containsAll(inclusion), "inclusion (" + m + ", " + n + ")");
            }
            for (int m = 0; m <= n; m++) {
                Set<NodeId> consistency = Rfc9162.nodesForConsistency(m, n);
                assertTrue(persisted.keySet().containsAll(consistency), "consistency (" + m + ", " + n + ")");
            }
        }
        // And the proofs built from them are the reference proofs, spot-checked on a few sizes.
        for (int n : new int[] {1, 2, 3, 255, 256, 257, 999, 1000}) {
            for (int m = 0; m < n; m += 7) {
                assertEquals(Rfc9162ReferenceTest.hexes(REF.path(m, n)),
                        Rfc9162ReferenceTest.hexes(Rfc9162.inclusionProof(m, n, persisted)));
                if (m > 0) {
                    assertEquals(Rfc9162ReferenceTest.hexes(REF.proof(m, n)),
                            Rfc9162ReferenceTest.hexes(Rfc9162.consistencyProof(m, n, persisted)));
                }
            }
        }
    }

    @Property(tries = 50)
    void reloadingFromTheStoreContinuesIdentically(@ForAll @IntRange(min = 0, max = 400) int reloadAt,
                                                  @ForAll @IntRange(min = 1, max = 100) int more) {
        Map<NodeId, byte[]> store = new HashMap<>();
        MerkleFrontier original = MerkleFrontier.empty();
        for (int i = 0; i < reloadAt; i++) {
            original.append(REF.leafHash(i)).forEach(e -> store.put(e.getKey(), e.getValue()));
        }
        Map<NodeId, byte[]> batch = new HashMap<>();
        MerkleFrontier.nodesToLoad(reloadAt).forEach(id -> batch.put(id, store.get(id)));
        MerkleFrontier reloaded = MerkleFrontier.of(reloadAt, batch);
        assertEquals(reloadAt, reloaded.size());
        assertEquals(hex(original.root()), hex(reloaded.root()));
        for (int i = reloadAt; i < reloadAt + more; i++) {
            List<Map.Entry<NodeId, byte[]>> a = original.append(REF.leafHash(i));
            List<Map.Entry<NodeId, byte[]>> b = reloaded.append(REF.leafHash(i));
            assertEquals(a.stream().map(e -> e.getKey() + "=" + hex(e.getValue())).toList(),
                    b.stream().map(e -> e.getKey() + "=" + hex(e.getValue())).toList());
        }
        assertEquals(hex(REF.root(reloadAt + more)), hex(reloaded.root()));
    }

    @Test
    void emptyAndValidation() {
        assertEquals(0, MerkleFrontier.empty().size());
        assertEquals(hex(Rfc9162.emptyRoot()), hex(MerkleFrontier.of(0, Map.of()).root()));
        assertEquals(Rfc9162.nodesForRoot(77), MerkleFrontier.nodesToLoad(77));
        MerkleFrontier f = MerkleFrontier.empty();
        assertThrows(IllegalArgumentException.class, () -> f.append(new byte[31]));
        assertThrows(NullPointerException.class, () -> f.append(null));
        assertThrows(IllegalArgumentException.class, () -> MerkleFrontier.of(-1, Map.of()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MerkleFrontier.of(3, Map.of()));
        assertTrue(e.getMessage().contains("NodeId[level=1, index=0]"), e.getMessage());
        assertEquals(0, f.size(), "a rejected append changes nothing");
    }

    @Test
    void returnedNodesDoNotAliasTheFrontier() {
        MerkleFrontier f = MerkleFrontier.empty();
        byte[] leaf = REF.leafHash(0);
        List<Map.Entry<NodeId, byte[]>> created = f.append(leaf);
        created.get(0).getValue()[0] ^= 1;
        leaf[1] ^= 1;
        assertEquals(hex(REF.root(1)), hex(f.root()));
        f.nodes().values().forEach(h -> h[0] ^= 1);
        assertEquals(hex(REF.root(1)), hex(f.root()));
    }
}
