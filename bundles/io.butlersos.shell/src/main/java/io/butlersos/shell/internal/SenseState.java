package io.butlersos.shell.internal;

import java.util.List;

/** The newest Sense signals per server, as the commands show them. */
interface SenseState {

    /** One server: its newest health sample and proxy sessions per virtual proxy (either may be null). */
    record Server(String name, io.butlersos.api.sense.HealthSample health, List<io.butlersos.api.sense.ProxySessions> sessions) {
    }

    /** Every server seen since start, by name. */
    List<Server> servers();
}
