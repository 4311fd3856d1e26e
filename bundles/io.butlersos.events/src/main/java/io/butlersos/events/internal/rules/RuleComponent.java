package io.butlersos.events.internal.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One rule per factory configuration; a changed configuration re-registers it and the categoriser picks it up. */
@Component(configurationPid = RuleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = RuleSource.class)
@Designate(ocd = RuleConfig.class, factory = true)
public final class RuleComponent implements RuleSource {

    private final CategoryRule rule;

    @Activate
    public RuleComponent(RuleConfig config) {
        this.rule = toRule(config);
    }

    @Override
    public CategoryRule rule() {
        return rule;
    }

    /**
     * @throws IllegalArgumentException naming the key when the configuration cannot be a rule
     */
    static CategoryRule toRule(RuleConfig config) {
        String action = config.action().strip().toLowerCase(Locale.ROOT);
        if (!action.equals("categorise") && !action.equals("categorize") && !action.equals("drop")) {
            throw new IllegalArgumentException(RuleConfig.PID + " '" + config.description() + "': action '"
                    + config.action() + "' is neither categorise nor drop");
        }
        Set<String> levels = new LinkedHashSet<>();
        for (String level : config.log_levels()) {
            if (!level.isBlank()) {
                levels.add(level.strip().toLowerCase(Locale.ROOT));
            }
        }
        List<String> startsWith = nonEmpty(config.starts_with());
        List<String> endsWith = nonEmpty(config.ends_with());
        List<String> contains = nonEmpty(config.contains());
        if (startsWith.isEmpty() && endsWith.isEmpty() && contains.isEmpty()) {
            throw new IllegalArgumentException(RuleConfig.PID + " '" + config.description()
                    + "': no starts_with, ends_with or contains text, so the rule can never match");
        }
        return new CategoryRule(config.description(), config.rank(), levels, action.equals("drop"),
                TagPairs.categories(RuleConfig.PID + " '" + config.description() + "' categories", config.categories()),
                startsWith, endsWith, contains);
    }

    private static List<String> nonEmpty(String[] values) {
        return java.util.Arrays.stream(values).filter(v -> !v.isEmpty()).toList();
    }
}
