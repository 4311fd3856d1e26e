package io.butlersos.config.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import io.butlersos.config.internal.mapping.Translator;
import io.butlersos.config.internal.schema.ButlerSosSchema;
import io.butlersos.config.internal.schema.CrossChecks;
import io.butlersos.config.internal.schema.Doc;
import io.butlersos.config.internal.schema.Secrets;
import io.butlersos.config.internal.schema.Validator;
import io.butlersos.config.internal.yaml.Problems;
import io.butlersos.config.internal.yaml.YamlText;

/** Reads a Butler SOS file: parse, resolve secrets, check, translate. Touches nothing but the files it reads. */
public final class ConfigFileLoader {

    private final Function<String, String> environment;

    public ConfigFileLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public LoadResult load(Path file) {
        String display = file.toString();
        Problems problems = new Problems(display);
        Set<Path> watched = new LinkedHashSet<>();
        watched.add(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(0, "", "no such file");
            return new LoadResult(file, new Doc(display), null, problems.sorted(), watched);
        } catch (MalformedInputException e) {
            problems.add(0, "", "not UTF-8 text");
            return new LoadResult(file, new Doc(display), null, problems.sorted(), watched);
        } catch (IOException e) {
            problems.add(0, "", "cannot read the file: " + e.getMessage());
            return new LoadResult(file, new Doc(display), null, problems.sorted(), watched);
        }
        Path folder = file.toAbsolutePath().getParent();
        return check(text, display, folder, problems, watched, file);
    }

    /** Checks YAML text as if it were the file {@code display} in {@code folder} (tests use this directly). */
    public LoadResult check(String text, String display, Path folder) {
        Set<Path> watched = new LinkedHashSet<>();
        return check(text, display, folder, new Problems(display), watched, folder.resolve(display));
    }

    private LoadResult check(String text, String display, Path folder, Problems problems, Set<Path> watched, Path file) {
        Doc doc = new Doc(display);
        Secrets secrets = new Secrets(environment, folder);
        YamlText.parse(text, problems).ifPresent(root -> {
            new Validator(doc, problems, secrets).validate(root, ButlerSosSchema.root());
            if (problems.isEmpty()) {
                // Rules across keys only make sense once every key is right on its own (no follow-on noise).
                CrossChecks.check(doc, problems);
            }
        });
        watched.addAll(secrets.filesRead());
        boolean ok = problems.isEmpty();
        return new LoadResult(file, doc, ok ? Translator.translate(doc) : null, problems.sorted(), Set.copyOf(watched));
    }
}
