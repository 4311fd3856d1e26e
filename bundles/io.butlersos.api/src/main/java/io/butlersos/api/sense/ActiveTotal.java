package io.butlersos.api.sense;

/**
 * An active/total pair, as the engine reports {@code session} and {@code users}. A value Sense did
 * not send is null.
 */
public record ActiveTotal(Long active, Long total) {

    public static final ActiveTotal ABSENT = new ActiveTotal(null, null);

    public boolean isAbsent() {
        return active == null && total == null;
    }
}
