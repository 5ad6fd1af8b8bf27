package de.kimgraph.queries.entity;

/**
 * A field of a relationship object (or node) that names another node by key, e.g. {@code Membership.actor}
 * (the relationship's start node) or {@code ActorRelation.agreement} (a key-valued property).
 *
 * @param keyProperty the map entry holding the key: a stored property or one of {@link EntityReader#FROM},
 *                    {@link EntityReader#TO}
 * @param onlyIfLabel resolve only when the endpoint has this label (for relationships with several endpoint
 *                    labels, e.g. FUNDED_BY from a service or a position); empty for always
 */
public record Reference(String ownerType, String field, String keyProperty, String label, String onlyIfLabel) {
}
