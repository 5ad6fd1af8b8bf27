package de.kimgraph.exchange.graphml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void everyLabelAndTypeHasItsOwnGermanNameThatReadsBack() {
        Set<String> names = new HashSet<>();
        for (NodeSpec node : GraphSpec.nodes()) {
            String de = Names.labelDe(node.label());
            assertThat(de).as(node.label()).isNotEqualTo(node.label());
            assertThat(names.add(de)).as(de).isTrue();
            assertThat(Names.label(de)).contains(node.label());
            assertThat(Names.label(node.label().toLowerCase())).contains(node.label());
        }
        names.clear();
        for (RelationshipSpec rel : GraphSpec.relationships()) {
            String de = Names.typeDe(rel.type());
            assertThat(de).as(rel.type()).isNotEqualTo(rel.type());
            names.add(de);
            assertThat(Names.type(" " + de.toUpperCase() + " ")).contains(rel.type());
            assertThat(Names.type(rel.type())).contains(rel.type());
        }
        assertThat(names).hasSize(GraphSpec.relationships().stream().map(RelationshipSpec::type).distinct().toList()
                .size());
        assertThat(Names.labelDe("Actor")).isEqualTo("Akteur");
        assertThat(Names.typeDe("COOPERATES_WITH")).isEqualTo("kooperiert mit");
        assertThat(Names.label("Organisation")).isEmpty();
    }
}
