package io.butlersos.config.internal.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of one pass, so an operator fixes a file in one go instead of one error per start. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, String path, String message) {
        found.add(new Problem(file, line, path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in file order. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        Collections.sort(copy);
        return List.copyOf(copy);
    }
}
