package io.butlersos.config.internal.yaml;

/**
 * One thing wrong with a configuration file, said the way a compiler says it:
 * {@code production.yaml:12: Butler-SOS.influxdbConfig.port: expected a whole number, found "abc"}.
 *
 * @param file the file as the operator named it
 * @param line 1-based line, 0 when the problem has no line (an unreadable file)
 * @param path the YAML path, e.g. {@code Butler-SOS.serversToMonitor.servers[0].host}; empty for the whole file
 * @param message what is wrong, in one sentence without a trailing period
 */
public record Problem(String file, int line, String path, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : path.compareTo(other.path);
    }
}
