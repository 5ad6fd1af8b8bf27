package de.kimgraph.model.spec;

import java.util.List;
import java.util.Optional;

/**
 * A relationship type between two labels.
 *
 * @param keyed whether each relationship carries its own {@code key} (first-class relationships that the API
 *              updates and ends one by one); the others are identified by their endpoints
 */
public record RelationshipSpec(String type, String fromLabel, String toLabel, boolean keyed, List<PropertySpec> properties) {

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
