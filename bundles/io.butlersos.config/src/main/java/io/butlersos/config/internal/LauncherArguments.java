package io.butlersos.config.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The program arguments of the runnable jar. bnd's launcher publishes them as the service property
 * {@code launcher.arguments}, so {@code bin/butler-sos -c production.yaml --print-config} reaches us as is.
 */
public record LauncherArguments(List<String> arguments) {

    public static LauncherArguments of(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(launcher.arguments=*)");
            if (refs != null && refs.length > 0 && refs[0].getProperty("launcher.arguments") instanceof String[] args) {
                return new LauncherArguments(List.of(args));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new LauncherArguments(List.of());
    }

    public static LauncherArguments of(String... args) {
        return new LauncherArguments(Arrays.asList(args));
    }

    /** The value of -c / --config (also --config=path and the Butler SOS spelling --configfile). */
    public Optional<String> configFile() {
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            for (String name : List.of("-c", "--config", "--configfile")) {
                if (arg.equals(name) && i + 1 < arguments.size()) {
                    return Optional.of(arguments.get(i + 1));
                }
                if (arg.startsWith(name + "=")) {
                    return Optional.of(arg.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    public boolean printConfig() {
        return arguments.contains("--print-config");
    }
}
