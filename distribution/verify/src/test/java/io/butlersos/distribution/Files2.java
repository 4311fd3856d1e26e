package io.butlersos.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the distribution's files, from this module's folder (distribution/verify). */
final class Files2 {

    static final Path DISTRIBUTION = Path.of("..").toAbsolutePath().normalize();

    private Files2() {
    }

    static String read(String relative) throws IOException {
        return Files.readString(DISTRIBUTION.resolve(relative), StandardCharsets.UTF_8);
    }
}
