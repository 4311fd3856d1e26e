package io.butlersos.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    record Line(Instant time, String origin, String text) implements Signal {
        @Override public String type() { return "test.line"; }
        @Override public List<Point> toPoints() { return List.of(); }
    }

    private static FileSinkConfig config(Path folder, Map<String, Object> overrides) {
        return (FileSinkConfig) Proxy.newProxyInstance(FileSinkConfig.class.getClassLoader(),
                new Class<?>[] {FileSinkConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("folder")) {
                        return folder.toString();
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    private static Line line(int n, int size) {
        return new Line(Instant.parse("2026-11-29T09:00:00Z").plusSeconds(n), "node" + n, "x".repeat(size));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOneJsonObjectPerSignalWithTypeTimeAndFields() throws Exception {
        FileSink sink = new FileSink(config(dir, Map.of()), new MutableClock(START));
        sink.write(List.of(line(1, 3), new Line(Instant.parse("2026-11-29T09:00:02Z"), "n2", "say \"hi\"\n")));
        sink.deactivate();
        List<String> lines = Files.readAllLines(dir.resolve("signals-2026-11-29.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "{\"type\":\"test.line\",\"time\":\"2026-11-29T09:00:01Z\",\"origin\":\"node1\",\"tags\":{},\"text\":\"xxx\"}",
                "{\"type\":\"test.line\",\"time\":\"2026-11-29T09:00:02Z\",\"origin\":\"n2\",\"tags\":{},\"text\":\"say \\\"hi\\\"\\n\"}");
        assertThat(sink.target()).isEqualTo(dir.toString());
    }

    @Test
    void rollsToTheNextFileAtTheSizeCapAndStartsANewFileEachDay() throws Exception {
        MutableClock clock = new MutableClock(START);
        FileSink sink = new FileSink(config(dir, Map.of("max_file_mb", 1)), clock);
        sink.write(List.of(line(1, 700_000)));
        sink.write(List.of(line(2, 700_000)));
        clock.set(Instant.parse("2026-11-30T00:00:01Z"));
        sink.write(List.of(line(3, 10)));
        sink.deactivate();
        assertThat(files()).containsExactly("signals-2026-11-29.1.jsonl", "signals-2026-11-29.jsonl",
                "signals-2026-11-30.jsonl");
    }

    @Test
    void keepsOnlyTheNewestFiles() throws Exception {
        MutableClock clock = new MutableClock(START);
        FileSink sink = new FileSink(config(dir, Map.of("retention_files", 2)), clock);
        for (int day = 0; day < 4; day++) {
            clock.set(Instant.parse("2026-11-2" + (day + 5) + "T12:00:00Z"));
            sink.write(List.of(line(day, 5)));
        }
        sink.deactivate();
        assertThat(files()).containsExactly("signals-2026-11-27.jsonl", "signals-2026-11-28.jsonl");
    }

    @Test
    void continuesTheNewestFileOfTheDayAfterARestart() throws Exception {
        MutableClock clock = new MutableClock(START);
        FileSink first = new FileSink(config(dir, Map.of("max_file_mb", 1)), clock);
        first.write(List.of(line(1, 700_000)));
        first.write(List.of(line(2, 700_000)));
        first.deactivate();
        FileSink second = new FileSink(config(dir, Map.of("max_file_mb", 1)), clock);
        second.write(List.of(line(3, 5)));
        second.deactivate();
        assertThat(Files.readAllLines(dir.resolve("signals-2026-11-29.1.jsonl"))).hasSize(2);
    }

    @Test
    void aFolderThatCannotBeWrittenIsARetriableFailureNamingIt() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the folder should be");
        FileSink sink = new FileSink(config(blocker, Map.of()), new MutableClock(START));
        assertThatThrownBy(() -> sink.write(List.of(line(1, 1))))
                .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.isRetriable()).isTrue())
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void refusesAPrefixWithAPathSeparator() {
        assertThatThrownBy(() -> new FileSink(config(dir, Map.of("prefix", "../x")), new MutableClock(START)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
    }
}
