package io.butlersos.config.internal.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} with an environment variable and {@code ${file:path}} with the content of a
 * file (relative paths start at the YAML file's folder; one trailing line break is dropped), so tokens and
 * passwords need not sit in the YAML. Every file read is remembered, so an edit of it is noticed too.
 */
public final class Secrets {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

    private final Function<String, String> environment;
    private final Path baseFolder;
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private final Set<String> values = new LinkedHashSet<>();

    public Secrets(Function<String, String> environment, Path baseFolder) {
        this.environment = environment;
        this.baseFolder = baseFolder;
    }

    /** Thrown with a one-sentence reason when a reference cannot be resolved. */
    public static final class Unresolved extends Exception {
        private static final long serialVersionUID = 1L;

        Unresolved(String reason) {
            super(reason, null, false, false);
        }
    }

    public static boolean hasReference(String value) {
        return REFERENCE.matcher(value).find();
    }

    public String resolve(String value) throws Unresolved {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2).trim();
            String replacement = "env".equals(m.group(1)) ? env(name) : file(name);
            values.add(replacement);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String env(String name) throws Unresolved {
        if (name.isEmpty()) {
            throw new Unresolved("${env:} names no environment variable");
        }
        String value = environment.apply(name);
        if (value == null) {
            throw new Unresolved("environment variable " + name + " is not set");
        }
        return value;
    }

    private String file(String name) throws Unresolved {
        if (name.isEmpty()) {
            throw new Unresolved("${file:} names no file");
        }
        Path path = baseFolder.resolve(name).normalize();
        filesRead.add(path);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.endsWith("\r\n")) {
                return content.substring(0, content.length() - 2);
            }
            return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (NoSuchFileException e) {
            throw new Unresolved("cannot read the secret file \"" + name + "\": no such file");
        } catch (IOException e) {
            throw new Unresolved("cannot read the secret file \"" + name + "\": " + e.getMessage());
        }
    }

    /** Every value substituted so far: masked wherever the configuration is shown. */
    public Set<String> values() {
        return Set.copyOf(values);
    }

    /** The secret files read so far (to watch them for changes). */
    public Set<Path> filesRead() {
        return Set.copyOf(filesRead);
    }
}
