package io.butlersos.config.internal.yaml;

import java.io.StringReader;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses YAML text into SnakeYAML's node tree, which keeps the line of every key and value. Nothing is
 * constructed into objects here (no tags, no classes), so a hostile file can do no more than be wrong.
 */
public final class YamlText {

    private YamlText() {
    }

    /** The root node, or empty (with a problem recorded) when the text is not YAML or is empty. */
    public static Optional<Node> parse(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by the validator, with both lines
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(10 * 1024 * 1024);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                problems.add(1, "", "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            problems.add(line, "", "not valid YAML: " + what + context);
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(0, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }
}
