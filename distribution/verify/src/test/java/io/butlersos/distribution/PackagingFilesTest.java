package io.butlersos.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The service and container files: a dedicated non-root user, hardening, documented ports, shipped in the archive. */
class PackagingFilesTest {

    static Map<String, List<String>> unitKeys(String unit) {
        return unit.lines().map(String::strip).filter(l -> !l.startsWith("#") && l.contains("="))
                .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf('=')),
                        Collectors.mapping(l -> l.substring(l.indexOf('=') + 1), Collectors.toList())));
    }

    @Test
    void theSystemdUnitRunsAsADedicatedUserWithHardening() throws Exception {
        Map<String, List<String>> unit = unitKeys(Files2.read("src/packaging/butler-sos.service"));
        assertThat(unit.get("User")).containsExactly("butler-sos");
        assertThat(unit.get("Group")).containsExactly("butler-sos");
        assertThat(unit.get("ExecStart")).containsExactly("/opt/butler-sos/bin/butler-sos");
        for (Map.Entry<String, String> hardening : Map.of("NoNewPrivileges", "yes", "ProtectSystem", "strict",
                "ProtectHome", "yes", "PrivateTmp", "yes", "PrivateDevices", "yes", "RestrictSUIDSGID", "yes",
                "CapabilityBoundingSet", "", "SystemCallFilter", "@system-service").entrySet()) {
            assertThat(unit.get(hardening.getKey())).as(hardening.getKey()).containsExactly(hardening.getValue());
        }
        // Writable: only the agent's own folders.
        assertThat(unit.get("ReadWritePaths")).singleElement().asString().contains("/opt/butler-sos/logs", "/opt/butler-sos/data")
                .doesNotContain("/etc", "/home");
    }

    /**
     * systemd's own check of the unit: every directive known and well-formed, the command executable.
     * The unit names /opt/butler-sos; the copy checked here points at the launcher in this tree.
     */
    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Tools.require("systemd-analyze", "systemd");
        Path dir = Files.createTempDirectory("verify-unit");
        Path launcher = Files2.DISTRIBUTION.resolve("src/bin/butler-sos");
        Path unit = dir.resolve("butler-sos.service");
        Files.writeString(unit, Files2.read("src/packaging/butler-sos.service")
                .replace("ExecStart=/opt/butler-sos/bin/butler-sos", "ExecStart=" + launcher));
        Tools.Run check = Tools.run(analyze.toString(), "verify", unit.toString());
        assertThat(check.output()).as("what systemd-analyze said about the unit").doesNotContain("butler-sos.service");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void theWindowsServiceRunsTheAgentAsAServiceAccount() throws Exception {
        String xml = Files2.read("src/packaging/windows/butler-sos-service.xml");
        assertThat(xml).contains("<id>butler-sos</id>", "-jar lib\\butler-sos.jar", "<username>NT SERVICE\\butler-sos</username>",
                "<onfailure action=\"restart\"");
        assertThat(xml).doesNotContain("LocalSystem", "<password>");
    }

    @Test
    void theContainerRunsAsANonRootUserWithConfigAndDataAsVolumes() throws Exception {
        String dockerfile = Files2.read("docker/Dockerfile");
        List<String> lines = dockerfile.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).anyMatch(l -> l.matches("FROM (eclipse-temurin|debian):.*"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).isEqualTo("USER butler-sos");
        assertThat(dockerfile).contains("VOLUME [\"/opt/butler-sos/config\", \"/opt/butler-sos/data\"]");

        // Exposed ports: exactly the documented receivers and endpoints, each named in a comment with its loopback default.
        String expose = lines.stream().filter(l -> l.startsWith("EXPOSE ")).findFirst().orElseThrow();
        Matcher port = Pattern.compile("(\\d+)/(tcp|udp)").matcher(expose);
        int ports = 0;
        while (port.find()) {
            assertThat(dockerfile).contains("#   " + port.group(0));
            ports++;
        }
        assertThat(ports).isEqualTo(4);
        assertThat(dockerfile).contains("binds 127.0.0.1 by default");
    }

    @Test
    void theArchiveShipsThePackagingDashboardsAndAlerts() throws Exception {
        String assembly = Files2.read("src/assembly/agent.xml");
        assertThat(assembly).contains("src/packaging/butler-sos.service", "src/packaging/windows/butler-sos-service.xml",
                "docker/Dockerfile", "grafana/butler-sos-influxdb.json", "prometheus/butler-sos-alerts.yml",
                "../docs/operations.md");
    }
}
