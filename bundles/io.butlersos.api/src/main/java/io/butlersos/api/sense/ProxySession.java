package io.butlersos.api.sense;

import java.util.List;
import java.util.Map;

/**
 * One session as the proxy lists it.
 *
 * @param userDirectory {@code UserDirectory}
 * @param userId {@code UserId}
 * @param sessionId {@code SessionId}
 * @param attributes {@code Attributes}: a list of one-entry maps, as QPS sends them
 * @param excluded whether the user is on the exclude list (counted, but no detail point)
 */
public record ProxySession(String userDirectory, String userId, String sessionId,
        List<Map<String, String>> attributes, boolean excluded) {

    public ProxySession {
        userDirectory = userDirectory == null ? "" : userDirectory;
        userId = userId == null ? "" : userId;
        sessionId = sessionId == null ? "" : sessionId;
        attributes = attributes == null ? List.of() : attributes.stream().map(Map::copyOf).toList();
    }

    /** <code>DIRECTORY&#92;userId</code>, the form Butler SOS lists users in. */
    public String qualifiedUser() {
        return userDirectory + "\\" + userId;
    }
}
