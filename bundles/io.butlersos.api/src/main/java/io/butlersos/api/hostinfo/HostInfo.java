package io.butlersos.api.hostinfo;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Facts about the host, gathered by the optional host-info bundle. Reference it with
 * {@code cardinality = OPTIONAL}: the service is absent when the bundle is removed or switched off.
 */
@ProviderType
public interface HostInfo {

    /**
     * The current facts. The provider may serve a recent snapshot instead of querying the host on
     * every call; the first call may take a moment while the native layer loads. Never null.
     */
    HostFacts facts();
}
