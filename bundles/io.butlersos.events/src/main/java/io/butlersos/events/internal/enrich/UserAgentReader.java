package io.butlersos.events.internal.enrich;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.butlersos.api.events.UserAgentInfo;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser and operating system from a user agent, with the ua-parser project's maintained regexes
 * (uap-java, embedded in this bundle). Parsing one string costs tens of microseconds, and a Sense site
 * sees few distinct user agents, so results are cached; the cache is emptied when it grows past its
 * limit, which keeps memory bounded without bookkeeping on every hit.
 */
public final class UserAgentReader implements Function<String, UserAgentInfo> {

    private static final int CACHE_LIMIT = 4096;

    private final Parser parser;
    private final Map<String, UserAgentInfo> cache = new ConcurrentHashMap<>();

    public UserAgentReader() {
        // Parser reads ua_parser/regexes.yaml from its own class loader: this bundle's, where it is embedded.
        this.parser = new Parser();
    }

    @Override
    public UserAgentInfo apply(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UserAgentInfo.NONE;
        }
        UserAgentInfo known = cache.get(userAgent);
        if (known != null) {
            return known;
        }
        UserAgentInfo parsed = parse(userAgent);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(userAgent, parsed);
        return parsed;
    }

    private UserAgentInfo parse(String userAgent) {
        Client client = parser.parse(userAgent);
        String browser = other(client.userAgent.family);
        String os = other(client.os.family);
        return new UserAgentInfo(browser, version(client.userAgent.major, client.userAgent.minor, client.userAgent.patch),
                browser.isEmpty() ? "" : nonNull(client.userAgent.major), os,
                os.isEmpty() ? "" : version(client.os.major, client.os.minor, client.os.patch), userAgent);
    }

    /** ua-parser says {@code Other} when it does not know; Butler SOS wrote nothing then. */
    private static String other(String family) {
        return family == null || family.equals("Other") ? "" : family;
    }

    private static String version(String major, String minor, String patch) {
        if (major == null || major.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(major);
        if (minor != null && !minor.isEmpty()) {
            out.append('.').append(minor);
            if (patch != null && !patch.isEmpty()) {
                out.append('.').append(patch);
            }
        }
        return out.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
