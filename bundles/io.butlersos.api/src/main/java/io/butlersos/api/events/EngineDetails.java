package io.butlersos.api.events;

import java.util.Map;

/**
 * The engine's properties (fields 9 to 18 of {@code /qseow-engine/}). Ids that are not GUIDs are empty.
 *
 * @param proxySessionId {@code %property{ProxySessionId}}
 * @param engineTimestamp {@code %property{EngineTimestamp}}
 * @param processId {@code %property{ProcessId}}
 * @param engineExeVersion {@code %property{Exe Version}}
 * @param serverStarted {@code %property{Server Started}}
 * @param entryType {@code %property{Entry Type}}
 * @param sessionId {@code %property{SessionId}}
 * @param appId {@code %property{AppId}}
 * @param appName the name of {@code appId} from the app-name directory, empty when unknown
 */
public record EngineDetails(
        String proxySessionId,
        String engineTimestamp,
        String processId,
        String engineExeVersion,
        String serverStarted,
        String entryType,
        String sessionId,
        String appId,
        String appName) implements LogDetails {

    @Override
    public void addButlerSosFields(Map<String, Object> fields) {
        fields.put("proxy_session_id", proxySessionId);
        fields.put("engine_ts", engineTimestamp);
        fields.put("process_id", processId);
        fields.put("engine_exe_version", engineExeVersion);
        fields.put("server_started", serverStarted);
        fields.put("entry_type", entryType);
        fields.put("session_id", sessionId);
        fields.put("app_id", appId);
        if (!appName.isEmpty()) {
            fields.put("app_name", appName);
        }
    }
}
