package io.butlersos.sink.newrelic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** List attributes written in a .cfg file that FileInstall hands over as plain strings. */
class ListValuesTest {

    @Test
    void aBracketedListInOneStringBecomesItsEntries() {
        assertThat(ListValues.of(new String[] {"[\"WARN\", \"ERROR\"]"})).containsExactly("WARN", "ERROR");
        assertThat(ListValues.of(new String[] {"[\"qs_env=a,b\",\"say=\\\"hi\\\"\"]"}))
                .containsExactly("qs_env=a,b", "say=\"hi\"");
    }

    @Test
    void plainEntriesAreKeptAndBlanksDropped() {
        assertThat(ListValues.of(new String[] {"service=butler-sos", " ", "X-Team: ops"}))
                .containsExactly("service=butler-sos", "X-Team: ops");
        assertThat(ListValues.of(null)).isEmpty();
    }
}
