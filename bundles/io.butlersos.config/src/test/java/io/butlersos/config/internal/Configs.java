package io.butlersos.config.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.butlersos.config.internal.mapping.Desired;

/** Loads the test configurations under src/test/resources/configs. */
final class Configs {

    static final Map<String, String> ENV = Map.of("INFLUX_TOKEN", "token-from-env-0123");

    private Configs() {
    }

    static Path folder() {
        try {
            return Path.of(Configs.class.getResource("/configs/minimal.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoadResult load(String name) {
        return new ConfigFileLoader(ENV::get).load(folder().resolve(name));
    }

    /** Checks YAML text as the file "production.yaml" in the test folder. */
    static LoadResult check(String yaml) {
        return new ConfigFileLoader(ENV::get).check(yaml, "production.yaml", folder());
    }

    static Map<String, Map<String, Object>> byPid(LoadResult result) {
        return result.translation().configurations().stream()
                .collect(Collectors.toMap(Desired::pid, Desired::properties, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static String render(LoadResult result) {
        return EffectiveView.render(result.file().getFileName().toString(), result.translation().configurations(),
                new Masking(result.doc().secretValues()), result.translation().notices(), java.util.List.of());
    }
}
