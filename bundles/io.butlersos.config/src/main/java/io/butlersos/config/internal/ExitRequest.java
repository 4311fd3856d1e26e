package io.butlersos.config.internal;

import java.util.concurrent.Callable;

/**
 * Asks bnd's launcher to end the process with an exit code: it runs a {@code Callable<Integer>} registered
 * with {@code main.thread=true} on its main thread and exits with what it returns. Service managers then
 * see a failed start (Butler SOS used to exit 0 on a bad file, so restart-on-failure never fired).
 */
public final class ExitRequest implements Callable<Integer> {

    /** A configuration file with problems, or one that was asked for and is missing. */
    public static final int BAD_CONFIGURATION = 2;

    private final int code;

    public ExitRequest(int code) {
        this.code = code;
    }

    // The launcher checks that call() is declared to return Integer.
    @Override
    public Integer call() {
        return code;
    }
}
