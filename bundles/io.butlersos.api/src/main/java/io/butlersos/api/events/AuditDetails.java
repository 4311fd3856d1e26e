package io.butlersos.api.events;

import java.util.Map;

/**
 * The proxy's and repository's properties (fields 12 to 15 of {@code /qseow-proxy/} and
 * {@code /qseow-repository/}).
 *
 * @param command {@code %property{Command}}, e.g. {@code Login}
 * @param resultCode {@code %property{Result}}, e.g. {@code 403}
 * @param commandOrigin {@code %property{Origin}}, e.g. {@code AppAccess} (Butler SOS calls it {@code origin})
 * @param context {@code %property{Context}}, e.g. {@code /hub/}
 */
public record AuditDetails(String command, String resultCode, String commandOrigin, String context)
        implements LogDetails {

    @Override
    public void addButlerSosFields(Map<String, Object> fields) {
        fields.put("command", command);
        fields.put("result_code", resultCode);
        fields.put("origin", commandOrigin);
        fields.put("context", context);
    }
}
