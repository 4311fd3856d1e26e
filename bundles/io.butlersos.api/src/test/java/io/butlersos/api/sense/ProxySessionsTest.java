package io.butlersos.api.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import org.junit.jupiter.api.Test;

class ProxySessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void countsEverySessionButDetailsOnlyForUsersNotExcluded() {
        ProxySessions sessions = new ProxySessions(NOW, "central",
                Map.of("host", "sense1", "server_name", "central"), "/hdr", "sense1:4243",
                List.of(new ProxySession("CORP", "anna", "s1", List.of(Map.of("Group", "Sales")), false),
                        new ProxySession("CORP", "anna", "s2", null, false),
                        new ProxySession("INTERNAL", "sa_scheduler", "s3", null, true)));

        List<Point> points = sessions.toPoints();

        assertThat(points).extracting(Point::measurement).containsExactly(
                "user_session_summary", "user_session_list", "user_session_details", "user_session_details");
        Point summary = points.get(0);
        assertThat(summary.tags()).containsEntry("user_session_virtual_proxy", "/hdr")
                .containsEntry("user_session_host", "sense1:4243").containsEntry("server_name", "central");
        assertThat(summary.fields()).containsEntry("session_count", 3L)
                .containsEntry("session_user_id_list", "CORP\\anna,INTERNAL\\sa_scheduler");
        assertThat(points.get(1).fields()).containsOnlyKeys("session_user_id_list");
        assertThat(points.get(3).tags()).containsEntry("user_session_id", "s2")
                .containsEntry("user_session_user_directory", "CORP").containsEntry("user_session_user_id", "anna");
        assertThat(points.get(3).fields()).containsEntry("session_id", "s2").containsEntry("user_id", "anna");
    }
}
