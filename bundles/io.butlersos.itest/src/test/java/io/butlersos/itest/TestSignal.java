package io.butlersos.itest;

import java.time.Instant;
import java.util.List;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/** A numbered signal of a chosen type, so tests can check order and completeness. */
public record TestSignal(String type, long n, Instant time) implements Signal {

    public TestSignal(String type, long n) {
        this(type, n, Instant.ofEpochSecond(1_700_000_000L + n));
    }

    @Override
    public String origin() {
        return "itest";
    }

    @Override
    public List<Point> toPoints() {
        return List.of(Point.measurement("itest").field("n", n).time(time).build());
    }
}
