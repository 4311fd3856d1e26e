package io.butlersos.config.internal.recreate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeCountsTest {

    private final ChangeCounts counts = new ChangeCounts();

    @Test
    void aConfigurationThatOnlyMovesForwardNeedsNothing() {
        assertThat(counts.observe("p", 1)).isZero();
        assertThat(counts.observe("p", 2)).isZero();
        assertThat(counts.observe("p", 2)).as("the same configuration seen by two events").isZero();
        assertThat(counts.observe("p", 5)).isZero();
    }

    @Test
    void aRecreatedConfigurationWithTheSameCountIsLiftedAboveTheOldOne() {
        // Created and updated once (the count DS applied), deleted, then created and updated once again:
        // the same count, which DS takes for the configuration it already has.
        counts.observe("io.butlersos.events.log", 2);
        counts.deletedLate("io.butlersos.events.log");
        assertThat(counts.observe("io.butlersos.events.log", 2)).isEqualTo(1);
    }

    @Test
    void aRecreatedConfigurationBehindAnOftenUpdatedOneIsLiftedAllTheWay() {
        counts.observe("p", 7);
        counts.deletedLate("p");
        assertThat(counts.observe("p", 2)).isEqualTo(6);
        // After the six no-op updates it stands at 8, above everything seen; the events of those
        // updates all read 8 and need nothing more.
        assertThat(counts.observe("p", 8)).isZero();
        assertThat(counts.observe("p", 8)).isZero();
    }

    @Test
    void aConfigurationRecreatedAfterItsDeletionWasHandledNeedsNothing() {
        // DS dropped the component when it handled the deletion, so it takes the new one as new.
        counts.observe("p", 3);
        assertThat(counts.observe("p", -1)).isZero();
        assertThat(counts.observe("p", 2)).isZero();
    }

    @Test
    void aLateDeletionIsRememberedUntilTheNewConfigurationOvertakes() {
        counts.observe("p", 3);
        counts.deletedLate("p");
        assertThat(counts.observe("p", 2)).isEqualTo(2);
        assertThat(counts.observe("p", 3)).as("still not above what DS applied").isEqualTo(1);
        assertThat(counts.observe("p", 4)).isZero();
        assertThat(counts.observe("p", 4)).isZero();
    }

    @Test
    void aRecreatedConfigurationThatAlreadyOvertookNeedsNothing() {
        counts.observe("p", 2);
        counts.deletedLate("p");
        assertThat(counts.observe("p", 3)).isZero();
        assertThat(counts.observe("p", 3)).isZero();
    }

    @Test
    void pidsAreCountedApart() {
        counts.observe("a", 9);
        counts.deletedLate("a");
        assertThat(counts.observe("b", 1)).isZero();
    }
}
