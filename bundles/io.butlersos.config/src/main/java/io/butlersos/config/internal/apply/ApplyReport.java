package io.butlersos.config.internal.apply;

import java.util.List;

/**
 * What one apply did, by PID.
 *
 * @param written configurations created or changed
 * @param unchanged configurations already as the YAML wants them (left alone, so nothing restarts)
 * @param deleted configurations an earlier YAML produced and this one no longer does
 * @param nativeWins configurations a native file (or another tool) owns; the YAML's values were not applied
 */
public record ApplyReport(List<String> written, List<String> unchanged, List<String> deleted, List<String> nativeWins) {

    public String summary() {
        return written.size() + " written, " + unchanged.size() + " unchanged, " + deleted.size() + " deleted"
                + (nativeWins.isEmpty() ? "" : ", " + nativeWins.size() + " left to native files " + nativeWins);
    }
}
