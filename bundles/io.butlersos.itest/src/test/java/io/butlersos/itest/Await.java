package io.butlersos.itest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; no fixed sleeps in assertions. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, Duration.ofSeconds(15), condition);
    }

    public static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        until(what, within, condition, () -> null);
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, and a timeout also says what was last seen. */
    public static void until(String what, Duration within, BooleanSupplier condition, Supplier<?> lastSeen)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Object seen = lastSeen.get();
                throw new AssertionError("Timed out after " + within.toMillis() + " ms waiting for: " + what
                        + (seen == null ? "" : "; last seen: " + seen) + configAdminThreads());
            }
            Thread.sleep(20);
        }
    }

    /**
     * What Config Admin's threads are doing: configuration changes reach components on them, so a
     * component that blocks one of them stalls every later change, which shows here.
     */
    private static String configAdminThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("CM ")) {
                out.append("\n  thread '").append(thread.getName()).append("' ").append(thread.getState());
                for (int i = 0; i < Math.min(stack.length, 25); i++) {
                    out.append("\n      at ").append(stack[i]);
                }
            }
        });
        return out.toString();
    }

    /** Waits until the supplier gives a non-null value and returns it. */
    public static <T> T value(String what, Supplier<T> supplier) throws InterruptedException {
        Object[] holder = new Object[1];
        until(what, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }
}
