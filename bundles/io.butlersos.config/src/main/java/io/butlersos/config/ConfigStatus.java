package io.butlersos.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Butler SOS YAML as the agent sees it. Registered by io.butlersos.config; every value is masked
 * where it is or came from a secret, so a status page may show all of it.
 */
@ProviderType
public interface ConfigStatus {

    /** The YAML file read, or empty when configuration comes from native files only. */
    Optional<String> file();

    /** When the file was last applied; empty before the first successful apply. */
    Optional<Instant> appliedAt();

    /** The configurations the file produced, by PID, secrets masked. */
    Map<String, Map<String, Object>> effectiveConfiguration();

    /** The problems of the last refused edit (file:line: path: problem), empty when the last read was good. */
    List<String> problems();

    /** Sections that are on in the file but not applied by this agent, and PIDs left to native files. */
    List<String> notices();

    /** All of the above as the text {@code bin/butler-sos --print-config} prints. */
    String render();
}
