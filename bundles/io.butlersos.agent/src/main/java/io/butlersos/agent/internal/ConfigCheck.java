package io.butlersos.agent.internal;

/**
 * Checks of configured values that Metatype declares but Config Admin does not enforce. A bad value
 * is refused with a sentence that names the PID, the key and the value.
 */
final class ConfigCheck {

    private ConfigCheck() {
    }

    /** @throws IllegalArgumentException when the value is below the minimum */
    static long atLeast(String pid, String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(pid + " " + key + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
