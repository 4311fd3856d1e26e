package io.butlersos.sense.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What all Sense pollers share; optional, the defaults suit a site of hundreds of servers. */
@ObjectClassDefinition(name = "Butler SOS Sense polling",
        description = "Settings shared by all polled Sense servers.")
public @interface PollingConfig {

    /** The PID, e.g. config/io.butlersos.sense.polling.cfg. */
    String PID = "io.butlersos.sense.polling";

    /** The default of {@link #connect_concurrency()}, also used before any configuration arrives. */
    int DEFAULT_CONNECT_CONCURRENCY = 32;

    @AttributeDefinition(name = "New connections at a time", min = "0",
            description = "How many new connections (TLS handshakes) to Sense servers are made at once; more wait "
                    + "their turn, and a request's deadline starts when it has its turn. Polls over an open "
                    + "connection never wait. 0 = no limit.")
    int connect_concurrency() default DEFAULT_CONNECT_CONCURRENCY;

    /** The default of {@link #start_rate()}, also used before any configuration arrives. */
    int DEFAULT_START_RATE = 25;

    @AttributeDefinition(name = "Servers started per second", min = "0",
            description = "How many servers begin polling per second when many start together (agent start, a "
                    + "batch of new configurations): their first polls are spaced so the TLS handshakes do not "
                    + "queue, and later rounds keep that spread. Each server's start jitter comes on top. "
                    + "0 = start all at once.")
    int start_rate() default DEFAULT_START_RATE;
}
