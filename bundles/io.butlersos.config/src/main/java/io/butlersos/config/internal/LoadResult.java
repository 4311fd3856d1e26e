package io.butlersos.config.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.butlersos.config.internal.mapping.Translation;
import io.butlersos.config.internal.schema.Doc;
import io.butlersos.config.internal.yaml.Problem;

/**
 * One reading of the configuration file.
 *
 * @param file the file
 * @param doc the checked values (partial when there are problems)
 * @param translation the configurations it asks for; null when there are problems
 * @param problems everything wrong with it, in file order; empty when it can be applied
 * @param watched the file and every ${file:...} it read, to watch for edits
 */
public record LoadResult(Path file, Doc doc, Translation translation, List<Problem> problems, Set<Path> watched) {

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems, one per line, for a log or the console. */
    public String report() {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            text.append(problem).append(System.lineSeparator());
        }
        return text.toString();
    }
}
