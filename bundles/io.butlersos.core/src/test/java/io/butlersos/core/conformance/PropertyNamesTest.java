package io.butlersos.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance test's own parsing, so a green conformance run means something. */
class PropertyNamesTest {

    @Test
    void methodNamesMapToPropertyNamesAsDeclarativeServicesDoes() {
        assertThat(SinkBundleConformanceTest.propertyName("max_file_mb")).isEqualTo("max.file.mb");
        assertThat(SinkBundleConformanceTest.propertyName("_insert_key")).isEqualTo(".insert.key");
        assertThat(SinkBundleConformanceTest.propertyName("a__b")).isEqualTo("a_b");
        assertThat(SinkBundleConformanceTest.propertyName("my$_$prop")).isEqualTo("my-prop");
        assertThat(SinkBundleConformanceTest.propertyName("dollar$")).isEqualTo("dollar");
    }

    @Test
    void attributesAreReadFromTheAnnotationBodyOnly() {
        String source = """
                /** A config. */
                @ObjectClassDefinition(name = "x")
                public @interface Config {
                    String PID = "a.b";
                    @AttributeDefinition(name = "Folder")
                    String folder() default "data";
                    String[] butlersos_sink_signal_types();
                    int max_file_mb() default 100;
                    String webconsole_configurationFactory_nameHint() default "{folder}";
                }
                """;
        assertThat(SinkBundleConformanceTest.attributes(source))
                .containsExactly("folder", "butlersos.sink.signal.types", "max.file.mb");
    }

    @Test
    void theConfigurationSectionEndsAtTheNextHeading() {
        String readme = "# x\n\n## Configuration\n| `a` |\n\n## Data written\n`b`\n";
        assertThat(SinkBundleConformanceTest.configurationSection(readme)).contains("`a`").doesNotContain("`b`");
    }
}
