package io.butlersos.config.internal.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.butlersos.config.internal.yaml.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks a YAML node tree against a {@link Spec}, filling a {@link Doc} with the values that are right and
 * {@link Problems} with every one that is not: unknown keys (with a did-you-mean), wrong types, missing
 * required values and values out of range. It never stops at the first problem.
 */
public final class Validator {

    private final Doc doc;
    private final Problems problems;
    private final Secrets secrets;

    public Validator(Doc doc, Problems problems, Secrets secrets) {
        this.doc = doc;
        this.problems = problems;
        this.secrets = secrets;
    }

    /** Checks the whole file; the values land in the Doc given to the constructor. */
    public void validate(Node root, Spec.Obj rootSpec) {
        walk(root, rootSpec, "", false, 1);
    }

    private static String relative(String fullPath) {
        String prefix = ButlerSosSchema.ROOT_KEY;
        if (fullPath.equals(prefix)) {
            return "";
        }
        return fullPath.startsWith(prefix + ".") ? fullPath.substring(prefix.length() + 1) : fullPath;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private void problem(Node node, String path, String message) {
        problems.add(line(node), path, message);
    }

    /** Returns the checked value, or null when absent or wrong (then a problem is recorded). */
    private Object walk(Node node, Spec spec, String path, boolean secret, int ownerLine) {
        if (isNull(node)) {
            return null;
        }
        Object value;
        if (spec instanceof Spec.Obj o) {
            value = object(node, o, path, ownerLine);
        } else if (spec instanceof Spec.Lst l) {
            value = list(node, l, path);
        } else if (spec instanceof Spec.FreeMap) {
            value = freeMap(node, path, secret);
        } else if (spec instanceof Spec.Anything) {
            value = plain(node);
        } else {
            value = scalar(node, (Spec.Scalar) spec, path, secret);
        }
        if (value != null && !path.isEmpty()) {
            doc.put(relative(path), value, line(node));
        }
        return value;
    }

    /** {@code ownerLine}: the line of the key (or list item) that holds this map, where a missing key is reported. */
    private Map<String, Object> object(Node node, Spec.Obj spec, String path, int ownerLine) {
        if (!(node instanceof MappingNode map)) {
            problem(node, path, "expected " + spec.expected() + ", found " + found(node, false));
            return null;
        }
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), path, "a key must be plain text, found " + found(tuple.getKeyNode(), false));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            NodeTuple earlier = byKey.putIfAbsent(key, tuple);
            if (earlier != null) {
                problem(keyNode, keyPath, "duplicate key (first written on line " + line(earlier.getKeyNode()) + ")");
            } else if (!spec.fields().containsKey(key)) {
                problem(keyNode, keyPath, "unknown key \"" + key + "\"" + DidYouMean.hint(key, spec.fields().keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (spec.gate() != null && byKey.containsKey(spec.gate())) {
            Spec.Field gate = spec.fields().get(spec.gate());
            NodeTuple gateTuple = byKey.get(spec.gate());
            Object on = walk(gateTuple.getValueNode(), gate.spec(), path + "." + gate.key(), false, line(gateTuple.getKeyNode()));
            if (Boolean.FALSE.equals(on)) {
                values.put(gate.key(), false); // an off section: only its flag counts
                doc.putUnchecked(relative(path), plain(node)); // as written, for the few keys Butler SOS reads anyway
                return values;
            }
        }
        for (Spec.Field field : spec.fields().values()) {
            String fieldPath = path.isEmpty() ? field.key() : path + "." + field.key();
            NodeTuple tuple = byKey.get(field.key());
            Object value = null;
            if (tuple != null) {
                value = field.key().equals(spec.gate()) ? doc.get(relative(fieldPath))
                        : walk(tuple.getValueNode(), field.spec(), fieldPath, field.isSecret(), line(tuple.getKeyNode()));
            }
            if (value != null) {
                values.put(field.key(), value);
            } else if (field.isRequired() && (tuple == null || isNull(tuple.getValueNode()))) {
                problems.add(tuple == null ? ownerLine : line(tuple.getKeyNode()), fieldPath, "missing required value");
            }
        }
        return values;
    }

    private List<Object> list(Node node, Spec.Lst spec, String path) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node, path, "expected a list, found " + found(node, false));
            return null;
        }
        List<Object> items = new ArrayList<>();
        int index = 0;
        for (Node item : seq.getValue()) {
            String itemPath = path + "[" + index++ + "]";
            if (isNull(item)) {
                problem(item, itemPath, "an empty list item; remove the lone \"-\"");
                continue;
            }
            Object value = walk(item, spec.item(), itemPath, false, line(item));
            if (value != null) {
                items.add(value);
            }
        }
        return items;
    }

    private Map<String, Object> freeMap(Node node, String path, boolean secret) {
        if (!(node instanceof MappingNode map)) {
            problem(node, path, "expected a map of names to values, found " + found(node, false));
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), path, "a key must be plain text, found " + found(tuple.getKeyNode(), false));
                continue;
            }
            String keyPath = path + "." + keyNode.getValue();
            Node valueNode = tuple.getValueNode();
            if (isNull(valueNode)) {
                values.put(keyNode.getValue(), null);
            } else if (valueNode instanceof ScalarNode scalar) {
                Optional<String> text = resolved(scalar, keyPath, secret);
                text.ifPresent(t -> values.put(keyNode.getValue(), t));
            } else {
                problem(valueNode, keyPath, "expected a single value, found " + found(valueNode, false));
            }
        }
        return values;
    }

    private Object scalar(Node node, Spec.Scalar spec, String path, boolean secret) {
        if (spec.kind() == Spec.Kind.KEYED_TEXT && node instanceof MappingNode map) {
            if (map.getValue().size() == 1 && map.getValue().get(0).getKeyNode() instanceof ScalarNode k
                    && k.getValue().equals(spec.itemKey()) && map.getValue().get(0).getValueNode() instanceof ScalarNode v) {
                return resolved(v, path + "." + spec.itemKey(), secret).orElse(null);
            }
            problem(node, path, "expected " + spec.expected() + ", found " + found(node, secret));
            return null;
        }
        if (!(node instanceof ScalarNode scalarNode)) {
            problem(node, path, "expected " + spec.expected() + ", found " + found(node, secret));
            return null;
        }
        Optional<String> resolved = resolved(scalarNode, path, secret);
        if (resolved.isEmpty()) {
            return null;
        }
        String text = resolved.get();
        String shown = secret ? "a secret value" : "\"" + text + "\"";
        switch (spec.kind()) {
            case BOOL: {
                String lower = text.trim().toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("yes") || lower.equals("on")) {
                    return true;
                }
                if (lower.equals("false") || lower.equals("no") || lower.equals("off")) {
                    return false;
                }
                problem(node, path, "expected true or false, found " + shown);
                return null;
            }
            case INT: {
                long number;
                try {
                    number = Long.parseLong(text.trim().replace("_", ""));
                } catch (NumberFormatException e) {
                    problem(node, path, "expected a whole number, found " + shown);
                    return null;
                }
                if (number < spec.min() || number > spec.max()) {
                    problem(node, path, "value " + number + " is out of range (" + spec.min() + " to " + spec.max() + ")");
                    return null;
                }
                return number;
            }
            case ENUM: {
                for (String option : spec.options()) {
                    if (option.equalsIgnoreCase(text.trim())) {
                        return option;
                    }
                }
                problem(node, path, shown + " is not one of " + String.join(", ", spec.options())
                        + DidYouMean.hint(text, spec.options()));
                return null;
            }
            case SCHEDULE: {
                if (Schedule.seconds(text).isEmpty()) {
                    problem(node, path, "cannot read the schedule " + shown
                            + ": write it as \"every <number> seconds|minutes|hours|days\"");
                    return null;
                }
                return text.trim();
            }
            default:
                return text;
        }
    }

    /** The scalar's text with ${env:...} and ${file:...} replaced; empty (and a problem) when one fails. */
    private Optional<String> resolved(ScalarNode node, String path, boolean secret) {
        String text = node.getValue();
        if (Secrets.hasReference(text)) {
            try {
                text = secrets.resolve(text);
                secrets.values().forEach(doc::secret);
            } catch (Secrets.Unresolved e) {
                problem(node, path, e.getMessage());
                return Optional.empty();
            }
        }
        if (secret) {
            doc.secret(text);
        }
        return Optional.of(text);
    }

    private static String found(Node node, boolean secret) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (secret) {
            return "a secret value";
        }
        return "\"" + ((ScalarNode) node).getValue() + "\"";
    }

    /** Unchecked sections: kept as plain values so a notice can tell whether they are switched on. */
    private static Object plain(Node node) {
        if (node instanceof MappingNode map) {
            Map<String, Object> values = new HashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k) {
                    values.put(k.getValue(), plain(tuple.getValueNode()));
                }
            }
            return values;
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().map(Validator::plain).toList();
        }
        return ((ScalarNode) node).getValue();
    }
}
