package io.butlersos.api.sense;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * One answer of a proxy's {@code /qps/{virtualproxy}/session} for one (server, virtual proxy) pair.
 *
 * @param time when the poll was answered
 * @param origin the server name
 * @param tags the server tags, as in {@link HealthSample#tags()}
 * @param virtualProxy the virtual proxy as configured ({@code /} is the default proxy)
 * @param sessionHost the proxy's host:port ({@code user_session_host})
 * @param sessions every session listed, excluded users included and marked
 */
public record ProxySessions(
        Instant time,
        String origin,
        Map<String, String> tags,
        String virtualProxy,
        String sessionHost,
        List<ProxySession> sessions) implements Signal {

    /** The signal type of proxy sessions. */
    public static final String TYPE = "sense.sessions";

    public ProxySessions {
        Objects.requireNonNull(time, "time");
        tags = Map.copyOf(tags);
        sessions = List.copyOf(sessions);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Sessions listed, excluded users included (Butler SOS's {@code session_count}). */
    public int sessionCount() {
        return sessions.size();
    }

    /** Distinct <code>DIR&#92;user</code> in the order first seen, excluded users included. */
    public List<String> uniqueUsers() {
        Set<String> users = new LinkedHashSet<>();
        for (ProxySession s : sessions) {
            users.add(s.qualifiedUser());
        }
        return List.copyOf(users);
    }

    /** The tags of every session point: server tags plus the virtual proxy and the proxy host. */
    public Map<String, String> sessionTags() {
        Map<String, String> all = new java.util.TreeMap<>(tags);
        all.put("user_session_virtual_proxy", virtualProxy);
        all.put("user_session_host", sessionHost);
        return all;
    }

    /**
     * {@code user_session_summary}, {@code user_session_list} and one {@code user_session_details}
     * point per session of a user not on the exclude list, in the v1 shape.
     */
    @Override
    public List<Point> toPoints() {
        Map<String, String> common = sessionTags();
        String userList = String.join(",", uniqueUsers());
        List<Point> points = new ArrayList<>(2 + sessions.size());
        points.add(Point.measurement("user_session_summary").tags(common).time(time)
                .field("session_count", (long) sessionCount())
                .field("session_user_id_list", userList)
                .build());
        points.add(Point.measurement("user_session_list").tags(common).time(time)
                .field("session_user_id_list", userList)
                .build());
        for (ProxySession s : sessions) {
            if (!s.excluded()) {
                points.add(Point.measurement("user_session_details").tags(common).time(time)
                        .tag("user_session_id", s.sessionId())
                        .tag("user_session_user_directory", s.userDirectory())
                        .tag("user_session_user_id", s.userId())
                        .field("session_id", s.sessionId())
                        .field("user_directory", s.userDirectory())
                        .field("user_id", s.userId())
                        .build());
            }
        }
        return points;
    }
}
