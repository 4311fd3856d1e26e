package io.butlersos.api.events;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** The service-specific part of a log event; one record per wire layout. */
@ProviderType
public sealed interface LogDetails permits EngineDetails, AuditDetails, TaskDetails {

    /** Adds this part's fields to a Butler SOS message object, in its key order. */
    void addButlerSosFields(Map<String, Object> fields);
}
