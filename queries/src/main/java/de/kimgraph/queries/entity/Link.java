package de.kimgraph.queries.entity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A nested field that follows relationships from its owner. {@code pattern} is a Cypher pattern from the owner
 * {@code (o)} over relationship {@code r} to the target {@code (t)}.
 *
 * @param relationshipObject whether the field returns the relationships (with their properties and endpoint
 *                           keys) instead of the target nodes
 */
public record Link(String ownerType, String field, String ownerLabel, String pattern, boolean single,
                   boolean relationshipObject) {

    private static final Pattern TARGET = Pattern.compile("\\(t:(\\w+)\\)");

    public String id() {
        return ownerType + "." + field;
    }

    /** The label of the target {@code (t:Label)} in the pattern, or null when the pattern leaves it open. */
    public @Nullable String targetLabel() {
        Matcher matcher = TARGET.matcher(pattern);
        return matcher.find() ? matcher.group(1) : null;
    }
}
