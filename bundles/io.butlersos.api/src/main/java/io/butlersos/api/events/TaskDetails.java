package io.butlersos.api.events;

import java.util.Map;

/**
 * The scheduler's properties (fields 13 to 17 of {@code /qseow-scheduler/}). Ids that are not GUIDs are empty.
 *
 * @param taskName {@code %property{TaskName}}
 * @param appName {@code %property{AppName}}
 * @param taskId {@code %property{TaskId}}
 * @param appId {@code %property{AppId}}
 * @param executionId {@code %property{ExecutionId}}
 */
public record TaskDetails(String taskName, String appName, String taskId, String appId, String executionId)
        implements LogDetails {

    @Override
    public void addButlerSosFields(Map<String, Object> fields) {
        fields.put("task_name", taskName);
        fields.put("app_name", appName);
        fields.put("task_id", taskId);
        fields.put("app_id", appId);
        fields.put("execution_id", executionId);
    }
}
