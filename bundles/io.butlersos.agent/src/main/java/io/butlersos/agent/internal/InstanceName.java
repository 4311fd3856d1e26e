package io.butlersos.agent.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The instance name a configuration gives, or the host name when it gives none. */
final class InstanceName {

    private InstanceName() {
    }

    static String of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "butler-sos";
        }
    }
}
