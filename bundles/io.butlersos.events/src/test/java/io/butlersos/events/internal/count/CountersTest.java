package io.butlersos.events.internal.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.butlersos.api.Signal;
import io.butlersos.api.events.EventCount;
import io.butlersos.api.events.EventCounts;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.events.internal.Configs;
import io.butlersos.events.internal.qix.QixPerfFilterTest;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void intervalsAreDeltasAndEmptyPartsAreUnknown() {
        EventCounter counter = new EventCounter();
        counter.add("log", "qseow-proxy", "sense1", "Audit.Proxy", "WARN");
        counter.add("log", "qseow-proxy", "sense1", "Audit.Proxy", "WARN");
        counter.add("user", "qseow-proxy-session", "", "", "");

        assertThat(counter.interval()).containsExactlyInAnyOrder(
                new EventCount("log", "qseow-proxy", "sense1", "Audit.Proxy", "WARN", 2),
                new EventCount("user", "qseow-proxy-session", "Unknown", "Unknown", "", 1));
        assertThat(counter.interval()).isEmpty();

        counter.add("log", "qseow-proxy", "sense1", "Audit.Proxy", "WARN");
        assertThat(counter.interval()).singleElement().extracting(EventCount::counter).isEqualTo(1L);
    }

    @Test
    void countsMadeWhileReportingAreNeverLost() throws Exception {
        EventCounter counter = new EventCounter();
        int threads = 2;
        int each = 200_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    counter.add("log", "qseow-engine", "sense" + (i % 3), "System.Engine", "WARN");
                }
                done.countDown();
            });
            thread.start();
        }
        long reported = 0;
        while (done.getCount() > 0) {
            reported += counter.interval().stream().mapToLong(EventCount::counter).sum();
        }
        reported += counter.interval().stream().mapToLong(EventCount::counter).sum();
        assertThat(reported).isEqualTo((long) threads * each);
    }

    @Test
    void rejectedEventsAreSummedPerAppMethodAndType() {
        RejectedCounter counter = new RejectedCounter();
        counter.add(QixPerfFilterTest.event("a", "A", "m", "<Unknown>", "o"));
        counter.add(QixPerfFilterTest.event("a", "A", "m", "<Unknown>", "p"));
        counter.add(QixPerfFilterTest.event("b", "", "m", "barchart", "o"));

        assertThat(counter.interval()).hasSize(2).anySatisfy(c -> {
            assertThat(c.appId()).isEqualTo("a");
            assertThat(c.counter()).isEqualTo(2);
            assertThat(c.processTime()).isEqualTo(3.0);
        });
        assertThat(counter.interval()).isEmpty();
    }

    @Test
    void countersArePublishedEachReportAsSignals() {
        List<Signal> published = new CopyOnWriteArrayList<>();
        EventCounters counters = new EventCounters(published::add, Configs.of(CountersConfig.class,
                Map.of("interval_s", 3600L, "event_count_tags", new String[] {"qs_env=dev"})));
        try {
            counters.events().add("log", "qseow-engine", "sense1", "System.Engine", "ERROR");
            counters.rejected().add(QixPerfFilterTest.event("a", "", "m", "t", "o"));
            counters.report();
            counters.report();

            assertThat(published).hasSize(2);
            assertThat(published.get(0)).isInstanceOfSatisfying(EventCounts.class, c -> {
                assertThat(c.counts()).singleElement().extracting(EventCount::counter).isEqualTo(1L);
                assertThat(c.tags()).containsEntry("qs_env", "dev");
                assertThat(c.toPoints().get(0).measurement()).isEqualTo("event_count");
            });
            assertThat(published.get(1)).isInstanceOf(RejectedEventCounts.class);
        } finally {
            counters.deactivate();
        }
    }
}
