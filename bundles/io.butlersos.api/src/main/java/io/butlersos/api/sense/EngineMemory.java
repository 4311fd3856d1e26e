package io.butlersos.api.sense;

/**
 * The engine's {@code mem} object, in MB. A value Sense did not send is null.
 *
 * @param committed {@code mem.committed}
 * @param allocated {@code mem.allocated}
 * @param free {@code mem.free}
 */
public record EngineMemory(Double committed, Double allocated, Double free) {

    public static final EngineMemory ABSENT = new EngineMemory(null, null, null);

    public boolean isAbsent() {
        return committed == null && allocated == null && free == null;
    }
}
