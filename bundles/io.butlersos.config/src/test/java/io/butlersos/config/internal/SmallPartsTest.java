package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.butlersos.config.internal.mapping.Names;
import io.butlersos.config.internal.schema.DidYouMean;
import io.butlersos.config.internal.schema.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void schedulesOfButlerSosTemplates() {
        assertThat(Schedule.seconds("every 15 minutes")).contains(900L);
        assertThat(Schedule.seconds("every 1 hour")).contains(3600L);
        assertThat(Schedule.seconds("every hour")).contains(3600L);
        assertThat(Schedule.seconds("Every 30 seconds")).contains(30L);
        assertThat(Schedule.seconds("every 2 days")).contains(172_800L);
        assertThat(Schedule.seconds("at 10:15 am")).isEmpty();
        assertThat(Schedule.seconds("every 0 minutes")).isEmpty();
    }

    @Test
    void didYouMeanFindsTyposAndCase() {
        List<String> keys = List.of("pollingInterval", "rejectUnauthorized", "servers");
        assertThat(DidYouMean.closest("pollingIntervall", keys)).contains("pollingInterval");
        assertThat(DidYouMean.closest("rejectunauthorized", keys)).contains("rejectUnauthorized");
        assertThat(DidYouMean.closest("server", keys)).contains("servers");
        assertThat(DidYouMean.closest("grafana", keys)).isEmpty();
    }

    @Test
    void factoryNamesAreSafeInPidsAndFileNames() {
        assertThat(Names.slug("Consumer 1")).isEqualTo("consumer-1");
        assertThat(Names.slug("<server1>")).isEqualTo("server1");
        assertThat(Names.slug("!!!")).isEqualTo("unnamed");
    }

    @Test
    void propertyNamesFollowTheDeclarativeServicesRules() {
        assertThat(io.butlersos.config.internal.mapping.PropertyNames.of("server_name")).isEqualTo("server.name");
        assertThat(io.butlersos.config.internal.mapping.PropertyNames.of("_token")).isEqualTo(".token");
        assertThat(io.butlersos.config.internal.mapping.PropertyNames.of("a__b")).isEqualTo("a_b");
        assertThat(io.butlersos.config.internal.mapping.PropertyNames.of("x$_$y$$z$")).isEqualTo("x-y$z");
    }

    @Test
    void launcherArgumentsLikeButlerSos() {
        assertThat(LauncherArguments.of("-c", "config/production.yaml").configFile()).contains("config/production.yaml");
        assertThat(LauncherArguments.of("--configfile", "p.yaml").configFile()).contains("p.yaml");
        assertThat(LauncherArguments.of("--config=p.yaml", "--print-config").configFile()).contains("p.yaml");
        assertThat(LauncherArguments.of("--config=p.yaml", "--print-config").printConfig()).isTrue();
        assertThat(LauncherArguments.of().configFile()).isEmpty();
    }

    @Test
    void exitRequestDeclaresIntegerForBndsLauncher() throws Exception {
        assertThat(ExitRequest.class.getMethod("call").getReturnType()).isEqualTo(Integer.class);
        assertThat(new ExitRequest(2).call()).isEqualTo(2);
    }
}
