package io.butlersos.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A digest of the content of the watched files. Content, not modification times: an editor that saves
 * twice within a second, or a configuration-management tool that rewrites the same bytes, is seen right.
 */
public final class FileFingerprint {

    private FileFingerprint() {
    }

    public static String of(Collection<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    digest.update((byte) 0); // missing or unreadable: a state of its own
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
