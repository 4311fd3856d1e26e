package io.butlersos.cert.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Path, size and modification time of the set's files: when it changes, the files are read again. */
record FileStamp(List<String> parts) {

    static FileStamp of(Path... files) {
        List<String> parts = new ArrayList<>();
        for (Path file : files) {
            if (file == null) {
                parts.add("-");
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                parts.add(file + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + a.fileKey());
            } catch (IOException e) {
                parts.add(file + "|missing");
            }
        }
        return new FileStamp(List.copyOf(parts));
    }
}
