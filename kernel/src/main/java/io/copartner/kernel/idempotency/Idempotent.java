package io.copartner.kernel.idempotency;

/**
 * The answer of a keyed write: {@code replayed} when it is the stored answer of an earlier request with the same key
 * (nothing was written this time); the web layer then sets {@link IdempotencyKey#REPLAYED_HEADER}.
 */
public record Idempotent<T>(T value, boolean replayed) {

    public static <T> Idempotent<T> fresh(T value) {
        return new Idempotent<>(value, false);
    }

    public static <T> Idempotent<T> replay(T value) {
        return new Idempotent<>(value, true);
    }
}
