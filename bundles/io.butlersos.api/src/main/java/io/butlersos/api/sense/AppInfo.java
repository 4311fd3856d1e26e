package io.butlersos.api.sense;

/**
 * One app as the repository lists it.
 *
 * @param id the app id (a GUID)
 * @param name the app name
 * @param description the description, or empty
 */
public record AppInfo(String id, String name, String description) {

    public AppInfo {
        description = description == null ? "" : description;
    }
}
