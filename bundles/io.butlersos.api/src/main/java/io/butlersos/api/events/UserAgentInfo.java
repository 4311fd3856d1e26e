package io.butlersos.api.events;

/**
 * Browser and operating system read from a user agent string. Every part is empty when unknown.
 *
 * @param browserName e.g. {@code Chrome}
 * @param browserVersion e.g. {@code 120.0.0}
 * @param browserMajorVersion the leading number of the version, e.g. {@code 120}
 * @param osName e.g. {@code Windows}
 * @param osVersion e.g. {@code 10}
 * @param raw the user agent as sent, quotes removed
 */
public record UserAgentInfo(
        String browserName,
        String browserVersion,
        String browserMajorVersion,
        String osName,
        String osVersion,
        String raw) {

    /** No user agent. */
    public static final UserAgentInfo NONE = new UserAgentInfo("", "", "", "", "", "");
}
