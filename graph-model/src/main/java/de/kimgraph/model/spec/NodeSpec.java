package de.kimgraph.model.spec;

import java.util.List;
import java.util.Optional;

/** A node label with its stored properties (the common ones included). */
public record NodeSpec(String label, List<PropertySpec> properties) {

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The property shown as the node's name in lists and explanations. */
    public String displayProperty() {
        if (property("name").isPresent()) {
            return "name";
        }
        return property("title").isPresent() ? "title" : property("labelDe").isPresent() ? "labelDe" : "key";
    }
}
