package io.butlersos.sink.file.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one output: {@code <prefix>-<date>.jsonl}, then {@code <prefix>-<date>.1.jsonl} and so
 * on when a file reaches its size cap; a new date starts a new file. After each roll the oldest files
 * beyond the retention count are deleted. Not thread-safe: the core calls one sink from one thread.
 */
final class RotatingFiles implements AutoCloseable {

    private final Path folder;
    private final String prefix;
    private final long maxBytes;
    private final int keep;
    private final Clock clock;
    private final Pattern ownFile;

    private FileChannel channel;
    private Path current;
    private LocalDate currentDate;
    private int currentIndex;

    RotatingFiles(Path folder, String prefix, long maxBytes, int keep, Clock clock) {
        this.folder = folder;
        this.prefix = prefix;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.clock = clock;
        this.ownFile = Pattern.compile(Pattern.quote(prefix) + "-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.jsonl");
    }

    /** Appends the bytes to today's file, starting the next file first if they would not fit. */
    void append(byte[] bytes) throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // A channel closed under us (an interrupted write closes it) is reopened, not written to again.
        if (channel == null || !channel.isOpen() || !today.equals(currentDate)) {
            open(today, highestIndex(today));
        }
        if (channel.size() > 0 && channel.size() + bytes.length > maxBytes) {
            open(today, currentIndex + 1);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    Path current() {
        return current;
    }

    private void open(LocalDate date, int index) throws IOException {
        close();
        Files.createDirectories(folder);
        currentDate = date;
        currentIndex = index;
        current = folder.resolve(prefix + "-" + date + (index == 0 ? "" : "." + index) + ".jsonl");
        channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        deleteBeyondRetention();
    }

    /** Continues the newest file of the day after a restart instead of starting over at index 0. */
    private int highestIndex(LocalDate date) throws IOException {
        return ownFiles().filter(f -> f.date.equals(date)).mapToInt(f -> f.index).max().orElse(0);
    }

    private void deleteBeyondRetention() throws IOException {
        List<OwnFile> files = ownFiles().sorted(Comparator.comparing((OwnFile f) -> f.date)
                .thenComparingInt(f -> f.index).reversed()).toList();
        for (OwnFile old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old.path);
            } catch (IOException e) {
                throw new IOException("could not delete old output file " + old.path + ": " + e.getMessage(), e);
            }
        }
    }

    private Stream<OwnFile> ownFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(this::parse).filter(f -> f != null).toList().stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private OwnFile parse(Path path) {
        Matcher m = ownFile.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return new OwnFile(path, LocalDate.parse(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    private record OwnFile(Path path, LocalDate date, int index) {
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
