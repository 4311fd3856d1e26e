package io.butlersos.config.internal.mapping;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import io.butlersos.config.internal.schema.Doc;

/**
 * A Config Admin configuration the YAML can produce: a singleton PID, one named factory configuration, or
 * one factory configuration per item of a YAML list (Sense servers, rules).
 *
 * @param pid the PID, or the factory PID when {@code factory}
 * @param factory whether {@code pid} is a factory PID
 * @param listPath for one configuration per list item: the list's path; else null
 * @param name the factory configuration's name, from the item path (or null) and the item index
 * @param when whether the YAML switches the feature on at all
 * @param createEmpty whether to write the configuration even when the YAML sets none of its attributes
 *        (components that only run with a configuration)
 * @param itemWhen for one configuration per list item: whether this item gets one (by its index)
 */
public record Target(String pid, boolean factory, String listPath, BiFunction<Doc, Integer, String> name,
        Predicate<Doc> when, boolean createEmpty, BiPredicate<Doc, Integer> itemWhen) {

    private static final BiPredicate<Doc, Integer> EVERY_ITEM = (doc, index) -> true;

    /** Written only when the YAML sets one of its attributes; otherwise the component's defaults apply. */
    public static Target singleton(String pid) {
        return new Target(pid, false, null, null, doc -> true, false, EVERY_ITEM);
    }

    /** Written whenever the feature is on, so the component (configuration policy REQUIRE) runs. */
    public static Target requiredWhen(String pid, Predicate<Doc> when) {
        return new Target(pid, false, null, null, when, true, EVERY_ITEM);
    }

    /** One named factory configuration, written whenever the feature is on. */
    public static Target factoryWhen(String factoryPid, String name, Predicate<Doc> when) {
        return new Target(factoryPid, true, null, (doc, index) -> name, when, true, EVERY_ITEM);
    }

    /** One factory configuration per item of the list at {@code listPath}, when the feature is on. */
    public static Target perItemWhen(String factoryPid, String listPath, BiFunction<Doc, Integer, String> name,
            Predicate<Doc> when) {
        return new Target(factoryPid, true, listPath, name, when, true, EVERY_ITEM);
    }

    /** Like {@link #perItemWhen}, but only for the items {@code itemWhen} accepts. */
    public static Target perItemWhen(String factoryPid, String listPath, BiFunction<Doc, Integer, String> name,
            Predicate<Doc> when, BiPredicate<Doc, Integer> itemWhen) {
        return new Target(factoryPid, true, listPath, name, when, true, itemWhen);
    }

    /** One factory configuration per item of the list at {@code listPath}. */
    public static Target perItem(String factoryPid, String listPath, BiFunction<Doc, Integer, String> name) {
        return new Target(factoryPid, true, listPath, name, doc -> true, true, EVERY_ITEM);
    }
}
