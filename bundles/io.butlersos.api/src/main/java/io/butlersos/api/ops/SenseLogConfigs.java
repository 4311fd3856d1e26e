package io.butlersos.api.ops;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code LocalLogConfig.xml} files that make the Qlik Sense services send their log events to
 * this agent over UDP, generated from the running receiver configuration (address and ports).
 * A file goes to {@code C:\ProgramData\Qlik\Sense\<Service>\LocalLogConfig.xml} on each Sense node.
 */
@ProviderType
public interface SenseLogConfigs {

    /** The services there is a file for, in order: {@code engine}, {@code proxy}, {@code repository}, {@code scheduler}. */
    List<String> services();

    /**
     * The file for one service.
     *
     * @param service one of {@link #services()}, case-insensitive
     * @return the XML text, UTF-8
     * @throws IllegalArgumentException naming the service when it is not one of {@link #services()}
     */
    String localLogConfig(String service);

    /** The address the files tell Sense to send to, e.g. {@code 10.0.0.5} or a host name. */
    String remoteAddress();
}
