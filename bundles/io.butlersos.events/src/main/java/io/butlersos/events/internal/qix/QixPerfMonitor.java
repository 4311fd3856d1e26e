package io.butlersos.events.internal.qix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.butlersos.api.events.QixPerfEvent;
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

/** The QIX performance settings and filters in force; changes apply from the next event on. */
@Component(configurationPid = QixPerfConfig.PID, service = QixPerfMonitor.class)
@Designate(ocd = QixPerfConfig.class)
public final class QixPerfMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(QixPerfMonitor.class);

    private final Map<AppFilterSource, AppSpecificFilter> apps = new ConcurrentHashMap<>();
    private volatile QixPerfConfig config;
    private volatile QixPerfFilter filter;

    @Activate
    public void activate(QixPerfConfig newConfig) {
        modified(newConfig);
    }

    @Modified
    public void modified(QixPerfConfig newConfig) {
        this.config = newConfig;
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeApp")
    public void addApp(AppFilterSource source) {
        apps.put(source, (AppSpecificFilter) source.filter());
        rebuild();
    }

    public void removeApp(AppFilterSource source) {
        apps.remove(source);
        rebuild();
    }

    private synchronized void rebuild() {
        QixPerfConfig c = config;
        if (c == null) {
            return;
        }
        filter = filterOf(c, new ArrayList<>(apps.values()));
        LOG.info("QIX performance monitor {}: all-apps filter {}, {} app-specific filters {}", c.enabled() ? "on" : "off",
                c.all_apps_enabled() ? "on" : "off", apps.size(), c.app_specific_enabled() ? "on" : "off");
    }

    static QixPerfFilter filterOf(QixPerfConfig c, List<AppSpecificFilter> appFilters) {
        return new QixPerfFilter(c.all_apps_enabled(), AppRef.parse(c.all_apps_exclude()),
                Choice.of(c.all_object_types(), c.object_types_exclude(), c.object_types_include()),
                Choice.of(c.all_methods(), c.methods_exclude(), c.methods_include()), c.app_specific_enabled(),
                appFilters);
    }

    /** Whether QIX performance events are processed at all. */
    public boolean enabled() {
        QixPerfConfig c = config;
        return c != null && c.enabled();
    }

    /** Whether app names are looked up for QIX performance events. */
    public boolean appNameLookup() {
        QixPerfConfig c = config;
        return c != null && c.app_name_lookup();
    }

    /** Whether rejected events are counted. */
    public boolean trackRejected() {
        QixPerfConfig c = config;
        return c != null && c.track_rejected();
    }

    /** Whether the filters keep the event. */
    public boolean accepts(QixPerfEvent event) {
        QixPerfFilter f = filter;
        return f != null && f.accepts(event);
    }
}
