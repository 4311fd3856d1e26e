package io.butlersos.events.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the rule book in force. Rules come and go as factory configurations are added, changed and
 * deleted; each change builds a new book, which the receivers use from their next event on.
 */
@Component(configurationPid = CategoriserConfig.PID, service = Categoriser.class)
@Designate(ocd = CategoriserConfig.class)
public final class Categoriser {

    private static final Logger LOG = LoggerFactory.getLogger(Categoriser.class);

    private final Map<RuleSource, CategoryRule> rules = new ConcurrentHashMap<>();
    private volatile CategoriserConfig config;
    private volatile RuleBook book;

    @Activate
    public void activate(CategoriserConfig newConfig) {
        modified(newConfig);
    }

    @Modified
    public void modified(CategoriserConfig newConfig) {
        TagPairs.categories(CategoriserConfig.PID + " default_categories", newConfig.default_categories());
        this.config = newConfig;
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeRule")
    public void addRule(RuleSource source) {
        rules.put(source, source.rule());
        rebuild();
    }

    public void removeRule(RuleSource source) {
        rules.remove(source);
        rebuild();
    }

    private synchronized void rebuild() {
        CategoriserConfig c = config;
        if (c == null) {
            return;
        }
        List<CategoryRule> current = new ArrayList<>(rules.values());
        book = new RuleBook(current, c.default_enabled(),
                TagPairs.categories(CategoriserConfig.PID + " default_categories", c.default_categories()));
        LOG.info("Log event categorisation {}: {} rules", c.enabled() ? "on" : "off", current.size());
    }

    /** The verdict for an event; {@link Verdict#KEEP} when categorisation is off. */
    public Verdict apply(String level, String message) {
        CategoriserConfig c = config;
        RuleBook b = book;
        if (c == null || !c.enabled() || b == null) {
            return Verdict.KEEP;
        }
        return b.apply(level, message);
    }
}
