package de.kimgraph.queries.entity;

/**
 * A nested field that follows relationships from its owner. {@code pattern} is a Cypher pattern from the owner
 * {@code (o)} over relationship {@code r} to the target {@code (t)}.
 *
 * @param relationshipObject whether the field returns the relationships (with their properties and endpoint
 *                           keys) instead of the target nodes
 */
public record Link(String ownerType, String field, String ownerLabel, String pattern, boolean single,
                   boolean relationshipObject) {

    public String id() {
        return ownerType + "." + field;
    }
}
