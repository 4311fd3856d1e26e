package io.butlersos.api.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Why a {@link Sink#write} failed, and what the core should do about it.
 *
 * <ul>
 *   <li>{@link Kind#RETRIABLE}: nothing was delivered; the core retries the same batch after a back-off
 *       (at least {@link #retryAfter()} when the target asked for it).</li>
 *   <li>{@link Kind#PERMANENT}: the signals at {@link #rejectedIndices()} were refused for good and are
 *       dropped and counted; the others were delivered. An empty list means the whole batch was refused.</li>
 *   <li>{@link Kind#BATCH_TOO_LARGE}: the target refused the batch for its size; the core splits it in
 *       halves and writes each.</li>
 * </ul>
 */
public final class SinkException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What the core does with the batch. */
    public enum Kind {
        RETRIABLE, PERMANENT, BATCH_TOO_LARGE
    }

    private final Kind kind;
    private final int[] rejectedIndices;
    private final Duration retryAfter;

    private SinkException(Kind kind, String message, Throwable cause, int[] rejectedIndices, Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.rejectedIndices = rejectedIndices;
        this.retryAfter = retryAfter;
    }

    /** The target is unavailable for now (refused connection, timeout, 5xx); retry the whole batch. */
    public static SinkException retriable(String message, Throwable cause) {
        return new SinkException(Kind.RETRIABLE, message, cause, new int[0], null);
    }

    /** As {@link #retriable(String, Throwable)}, but the target said when to come back (429, Retry-After). */
    public static SinkException retriableAfter(String message, Duration retryAfter) {
        return new SinkException(Kind.RETRIABLE, message, null, new int[0], retryAfter);
    }

    /** The target refused the whole batch for good (bad request, bad credentials). */
    public static SinkException permanent(String message, Throwable cause) {
        return new SinkException(Kind.PERMANENT, message, cause, new int[0], null);
    }

    /** The target took the batch except the signals at these indices, which it refused for good. */
    public static SinkException partial(String message, Collection<Integer> rejectedIndices) {
        int[] indices = rejectedIndices.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        if (indices.length == 0) {
            throw new IllegalArgumentException("a partial failure names at least one rejected signal");
        }
        return new SinkException(Kind.PERMANENT, message, null, indices, null);
    }

    /** The target refused the batch because of its size (HTTP 413); write it in smaller pieces. */
    public static SinkException batchTooLarge(String message) {
        return new SinkException(Kind.BATCH_TOO_LARGE, message, null, new int[0], null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isRetriable() {
        return kind == Kind.RETRIABLE;
    }

    /** Indices into the batch of the signals refused for good; empty with {@link Kind#PERMANENT} means all. */
    public int[] rejectedIndices() {
        return rejectedIndices.clone();
    }

    /** The earliest retry the target asked for, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
