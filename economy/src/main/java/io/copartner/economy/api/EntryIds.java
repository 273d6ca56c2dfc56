package io.copartner.economy.api;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Audit entry ids as a compact immutable list: a period of 10^6 partners cites 10^6 payout entries in several
 * figures, which as boxed {@code Long}s would take ~24 MB per figure instead of 8 MB shared.
 */
public final class EntryIds extends AbstractList<Long> implements RandomAccess {

    private static final EntryIds EMPTY = new EntryIds(new long[0]);

    private final long[] ids;

    private EntryIds(long[] ids) {
        this.ids = ids;
    }

    /** The first {@code length} ids of {@code ids} (copied: the caller's array may change afterwards). */
    public static EntryIds of(long[] ids, int length) {
        return length == 0 ? EMPTY : new EntryIds(Arrays.copyOf(ids, length));
    }

    public static EntryIds of(long... ids) {
        return of(ids, ids.length);
    }

    @Override
    public Long get(int index) {
        return ids[index];
    }

    public long at(int index) {
        return ids[index];
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** A copy of the ids, in list order. */
    public long[] toLongArray() {
        return ids.clone();
    }
}
