package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.butlersos.config.internal.mapping.Derived;
import io.butlersos.config.internal.mapping.MappingTable;
import io.butlersos.config.internal.mapping.Row;
import io.butlersos.config.internal.schema.ButlerSosSchema;
import io.butlersos.config.internal.schema.Spec;
import org.junit.jupiter.api.Test;

/** Every key of the Butler SOS file has a row in the mapping table: applied, or not applied for a stated reason. */
class MappingCoverageTest {

    private static void leaves(Spec spec, String path, List<String> out) {
        if (spec instanceof Spec.Obj obj) {
            obj.fields().values().forEach(f -> leaves(f.spec(), path.isEmpty() ? f.key() : path + "." + f.key(), out));
        } else if (spec instanceof Spec.Lst list) {
            leaves(list.item(), path + "[*]", out);
        } else {
            out.add(path);
        }
    }

    private static boolean covers(String source, String leaf) {
        return leaf.equals(source) || leaf.startsWith(source + ".") || leaf.startsWith(source + "[*]");
    }

    @Test
    void everyKeyIsMappedOrExplained() {
        List<String> leaves = new ArrayList<>();
        Spec.Obj butlerSos = (Spec.Obj) ButlerSosSchema.root().fields().get(ButlerSosSchema.ROOT_KEY).spec();
        leaves(butlerSos, "", leaves);
        List<String> sources = new ArrayList<>();
        MappingTable.rows().stream().map(Row::source).forEach(sources::add);
        MappingTable.derived().stream().flatMap(d -> d.sources().stream()).forEach(sources::add);

        List<String> uncovered = leaves.stream().filter(leaf -> sources.stream().noneMatch(s -> covers(s, leaf))).toList();
        assertThat(uncovered).isEmpty();
        assertThat(leaves).hasSizeGreaterThan(200);
    }

    @Test
    void unmappedRowsSayWhy() {
        assertThat(MappingTable.rows()).filteredOn(row -> !row.mapped()).allSatisfy(row -> assertThat(row.reason()).isNotBlank());
        assertThat(MappingTable.derived()).extracting(Derived::attribute).contains("url", "signal.types", "sessions.enabled");
    }
}
