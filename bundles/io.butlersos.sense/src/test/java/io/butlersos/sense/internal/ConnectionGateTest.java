package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** The gate's bookkeeping: limits, order, waiters that give up, live limit changes. */
class ConnectionGateTest {

    private static final Executor AT_ONCE = Runnable::run;

    /** Runs hand-overs only when told, to see what happens in between. */
    static final class Later implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void requestsBeyondTheLimitWaitAndGetSlotsInArrivalOrder() {
        ConnectionGate gate = new ConnectionGate(2, AT_ONCE);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> c = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> d = gate.acquire();

        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(d).isNotDone();
        assertThat(gate.waiting()).isEqualTo(2);

        a.join().release();
        assertThat(c).isDone();
        assertThat(d).isNotDone();

        b.join().release();
        assertThat(d).isDone();
        assertThat(gate.inUse()).isEqualTo(2);
        assertThat(gate.peakInUse()).isEqualTo(2);
    }

    @Test
    void aNewcomerDoesNotOvertakeWaitersWhenASlotIsBeingHandedOver() {
        Later later = new Later();
        ConnectionGate gate = new ConnectionGate(1, later);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();

        a.join().release();
        CompletableFuture<ConnectionGate.Slot> newcomer = gate.acquire();
        later.runAll();

        assertThat(b).isDone();
        assertThat(newcomer).isNotDone();
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void aFreedSlotIsHandedOverOnTheGivenExecutorNotOnTheReleasingThread() {
        Later later = new Later();
        ConnectionGate gate = new ConnectionGate(1, later);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();

        a.join().release();

        assertThat(b).isNotDone();
        later.runAll();
        assertThat(b).isDone();
    }

    @Test
    void aWaiterThatGaveUpIsPassedOverAndTheSlotGoesToTheNext() {
        ConnectionGate gate = new ConnectionGate(1, AT_ONCE);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> c = gate.acquire();

        b.completeExceptionally(new TimeoutException("waited too long")); // as orTimeout does
        a.join().release();

        assertThat(c).isDone();
        assertThat(c.isCompletedExceptionally()).isFalse();
        assertThat(gate.inUse()).isEqualTo(1);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aWaiterThatGivesUpWhileItsSlotIsOnTheWayPassesTheSlotOn() {
        Later later = new Later();
        ConnectionGate gate = new ConnectionGate(1, later);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> c = gate.acquire();

        a.join().release(); // the hand-over to b is queued
        b.cancel(false); // b gives up before it runs
        later.runAll();

        assertThat(c).isDone();
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void releasingASlotTwiceFreesItOnce() {
        ConnectionGate gate = new ConnectionGate(1, AT_ONCE);
        ConnectionGate.Slot a = gate.acquire().join();
        a.release();
        a.release();

        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> c = gate.acquire();

        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void aHigherLimitLetsWaitersInAtOnceALowerOneAsSlotsAreReleased() {
        ConnectionGate gate = new ConnectionGate(1, AT_ONCE);
        CompletableFuture<ConnectionGate.Slot> a = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> b = gate.acquire();
        CompletableFuture<ConnectionGate.Slot> c = gate.acquire();

        gate.setLimit(3);
        assertThat(b).isDone();
        assertThat(c).isDone();

        gate.setLimit(1);
        CompletableFuture<ConnectionGate.Slot> d = gate.acquire();
        a.join().release();
        b.join().release();
        assertThat(d).isNotDone(); // c still holds the one slot
        c.join().release();
        assertThat(d).isDone();
    }

    @Test
    void noLimitNeverQueues() {
        ConnectionGate gate = new ConnectionGate(0, AT_ONCE);
        List<CompletableFuture<ConnectionGate.Slot>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(gate.acquire());
        }
        assertThat(all).allMatch(CompletableFuture::isDone);
        assertThat(gate.peakInUse()).isEqualTo(100);
    }

    @Test
    void theNoSlotOfWarmRequestsChangesNothing() {
        ConnectionGate gate = new ConnectionGate(1, AT_ONCE);
        gate.acquire();
        ConnectionGate.NONE.release();
        assertThat(gate.inUse()).isEqualTo(1);
        assertThat(gate.acquire()).isNotDone();
    }
}
