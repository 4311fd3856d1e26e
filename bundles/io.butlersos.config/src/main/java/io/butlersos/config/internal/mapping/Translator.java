package io.butlersos.config.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.butlersos.config.internal.schema.Doc;

/** Applies the {@link MappingTable} to a checked file: the configurations it asks for, and nothing more. */
public final class Translator {

    private Translator() {
    }

    /** One configuration being assembled. */
    private record Instance(Target target, String itemPath, String name, Map<String, Object> properties, boolean wanted) {
    }

    public static Translation translate(Doc doc) {
        Map<Target, List<Instance>> byTarget = new LinkedHashMap<>();
        for (Target target : MappingTable.targets()) {
            byTarget.put(target, instances(doc, target));
        }
        for (Row row : MappingTable.rows()) {
            if (row.mapped() && row.attribute() != null && row.onlyIf().test(doc)) {
                apply(doc, row, byTarget.get(row.target()));
            }
        }
        for (Derived derived : MappingTable.derived()) {
            for (Instance instance : byTarget.get(derived.target())) {
                Object value = derived.compute().apply(doc, instance.itemPath());
                if (value != null) {
                    instance.properties().put(derived.attribute(), value);
                }
            }
        }
        List<Desired> configurations = new ArrayList<>();
        for (List<Instance> instances : byTarget.values()) {
            for (Instance instance : instances) {
                if (instance.wanted() && (instance.target().createEmpty() || !instance.properties().isEmpty())) {
                    String origin = Doc.display(instance.itemPath() == null ? "" : instance.itemPath());
                    configurations.add(new Desired(instance.target().factory() ? instance.target().pid() : null,
                            instance.name(), Map.copyOf(instance.properties()), origin));
                }
            }
        }
        List<String> notices = new ArrayList<>(notices(doc));
        notices.addAll(MappingTable.notices(doc));
        return new Translation(List.copyOf(configurations), List.copyOf(notices));
    }

    private static List<Instance> instances(Doc doc, Target target) {
        List<Instance> instances = new ArrayList<>();
        if (!target.when().test(doc)) {
            return instances;
        }
        if (target.listPath() == null) {
            String name = target.factory() ? target.name().apply(doc, null) : target.pid();
            instances.add(new Instance(target, null, name, new LinkedHashMap<>(), true));
            return instances;
        }
        Object list = doc.get(target.listPath());
        int size = list instanceof List<?> l ? l.size() : 0;
        for (int i = 0; i < size; i++) {
            // Every item keeps its index (rows address items by it); unwanted ones are just not written.
            instances.add(new Instance(target, target.listPath() + "[" + i + "]", target.name().apply(doc, i),
                    new LinkedHashMap<>(), target.itemWhen().test(doc, i)));
        }
        return instances;
    }

    private static void apply(Doc doc, Row row, List<Instance> instances) {
        if (instances.isEmpty()) {
            return;
        }
        Pattern pattern = Pattern.compile(Pattern.quote(row.source()).replace("[*]", "\\E\\[(\\d+)]\\Q"));
        String itemPrefix = row.target().listPath() == null ? null : row.target().listPath() + "[*]";
        boolean perItem = itemPrefix != null && row.source().startsWith(itemPrefix);
        for (Map.Entry<String, Doc.Entry> entry : doc.entries().entrySet()) {
            Matcher m = pattern.matcher(entry.getKey());
            if (!m.matches()) {
                continue;
            }
            Object value = row.convert().apply(entry.getValue().value());
            if (value == null) {
                continue;
            }
            if (perItem) {
                int index = Integer.parseInt(m.group(1));
                if (index < instances.size()) {
                    instances.get(index).properties().put(row.attribute(), value);
                }
            } else {
                // A key outside the list that applies to every item, e.g. serversToMonitor.pollingInterval.
                instances.forEach(instance -> instance.properties().put(row.attribute(), value));
            }
        }
    }

    private static List<String> notices(Doc doc) {
        List<String> notices = new ArrayList<>();
        for (Row row : MappingTable.rows()) {
            if (!row.mapped() && row.noticeWhen() != null && isOn(doc.find(row.noticeWhen()))) {
                notices.add(Doc.display(row.source()) + " is on, but " + row.reason()
                        + "; it is read and checked, not applied");
            }
        }
        return List.copyOf(notices);
    }

    private static boolean isOn(Object flag) {
        return Boolean.TRUE.equals(flag) || "true".equals(flag);
    }
}
