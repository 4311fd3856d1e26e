package io.butlersos.config.internal.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a Butler SOS configuration file, as a small tree of specs. The validator walks the YAML
 * against it; the mapping table (io.butlersos.config.internal.mapping) says where each value goes.
 */
public sealed interface Spec {

    /** How the spec reads in "expected ..." messages. */
    String expected();

    /** A map with known keys. {@code gate} names a boolean key that, when false, turns the section off. */
    record Obj(Map<String, Field> fields, String gate) implements Spec {
        @Override
        public String expected() {
            return "a map of keys";
        }
    }

    /** A list of items; null and empty mean none. */
    record Lst(Spec item) implements Spec {
        @Override
        public String expected() {
            return "a list";
        }
    }

    /** A map with free keys (server tags, headers) and scalar values. */
    record FreeMap() implements Spec {
        @Override
        public String expected() {
            return "a map of names to values";
        }
    }

    /** Accepted as is and not checked (sections this agent reads but does not implement). */
    record Anything() implements Spec {
        @Override
        public String expected() {
            return "anything";
        }
    }

    /** A single value. */
    record Scalar(Kind kind, long min, long max, List<String> options, String itemKey) implements Spec {
        @Override
        public String expected() {
            return switch (kind) {
                case BOOL -> "true or false";
                case INT -> "a whole number";
                case TEXT -> "text";
                case ENUM -> "one of " + String.join(", ", options);
                case SCHEDULE -> "a schedule such as \"every 15 minutes\"";
                case KEYED_TEXT -> "text or a map with the key \"" + itemKey + "\"";
            };
        }
    }

    enum Kind { BOOL, INT, TEXT, ENUM, SCHEDULE, KEYED_TEXT }

    /** A key of an {@link Obj}. Secret values are masked wherever the configuration is shown. */
    record Field(String key, Spec spec, boolean isRequired, boolean isSecret) {
        public Field required() {
            return new Field(key, spec, true, isSecret);
        }

        public Field secret() {
            return new Field(key, spec, isRequired, true);
        }
    }

    // ---- the small language ButlerSosSchema is written in ----

    static Field key(String key, Spec spec) {
        return new Field(key, spec, false, false);
    }

    static Obj obj(Field... fields) {
        return gated(null, fields);
    }

    /** A section switched by its {@code enable} key (or another boolean key). */
    static Obj gated(String gate, Field... fields) {
        Map<String, Field> byKey = new LinkedHashMap<>();
        for (Field field : fields) {
            byKey.put(field.key(), field);
        }
        return new Obj(byKey, gate);
    }

    static Lst list(Spec item) {
        return new Lst(item);
    }

    static Scalar bool() {
        return new Scalar(Kind.BOOL, 0, 0, List.of(), null);
    }

    static Scalar integer(long min, long max) {
        return new Scalar(Kind.INT, min, max, List.of(), null);
    }

    static Scalar port() {
        return integer(1, 65_535);
    }

    static Scalar millis() {
        return integer(1, Integer.MAX_VALUE);
    }

    static Scalar text() {
        return new Scalar(Kind.TEXT, 0, 0, List.of(), null);
    }

    static Scalar oneOf(String... options) {
        return new Scalar(Kind.ENUM, 0, 0, List.of(options), null);
    }

    static Scalar schedule() {
        return new Scalar(Kind.SCHEDULE, 0, 0, List.of(), null);
    }

    /** Text, or the one-key map Butler SOS uses in some lists, e.g. {@code - otype: sheet}. */
    static Scalar keyedText(String itemKey) {
        return new Scalar(Kind.KEYED_TEXT, 0, 0, List.of(), itemKey);
    }

    static FreeMap freeMap() {
        return new FreeMap();
    }

    static Anything anything() {
        return new Anything();
    }
}
