package io.butlersos.events.internal.qix;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One app-specific filter per factory configuration. */
@Component(configurationPid = QixPerfAppConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AppFilterSource.class)
@Designate(ocd = QixPerfAppConfig.class, factory = true)
public final class QixPerfAppComponent implements AppFilterSource {

    private final AppSpecificFilter filter;

    @Activate
    public QixPerfAppComponent(QixPerfAppConfig config) {
        this.filter = toFilter(config);
    }

    static AppSpecificFilter toFilter(QixPerfAppConfig config) {
        return new AppSpecificFilter(AppRef.parse(config.apps()),
                Choice.of(config.all_object_types(), config.object_types_exclude(), config.object_types_include()),
                Choice.of(config.all_app_objects(), config.app_objects_exclude(), config.app_objects_include()),
                Choice.of(config.all_methods(), config.methods_exclude(), config.methods_include()));
    }

    @Override
    public Object filter() {
        return filter;
    }
}
