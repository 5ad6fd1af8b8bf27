package de.kimgraph.model.spec;

import org.jspecify.annotations.Nullable;

/**
 * One stored property of a node or relationship.
 *
 * @param vocabulary for {@link PropertyType#ENUM} and {@link PropertyType#ENUM_LIST}: the name of the fixed
 *                   vocabulary in {@code terms.json}; for {@link PropertyType#STRING_LIST} or {@link PropertyType#STRING}
 *                   optionally the label of the vocabulary nodes whose keys are allowed
 * @param maxLength  maximum length of a string (or of each list element)
 */
public record PropertySpec(String name, PropertyType type, boolean required, @Nullable String vocabulary, int maxLength) {

    static final int SHORT = 200;
    static final int LONG = 2000;

    public static PropertySpec string(String name) {
        return new PropertySpec(name, PropertyType.STRING, false, null, SHORT);
    }

    public static PropertySpec text(String name) {
        return new PropertySpec(name, PropertyType.STRING, false, null, LONG);
    }

    public static PropertySpec strings(String name) {
        return new PropertySpec(name, PropertyType.STRING_LIST, false, null, SHORT);
    }

    /** A list of keys of vocabulary nodes with the given label. */
    public static PropertySpec keys(String name, String label) {
        return new PropertySpec(name, PropertyType.STRING_LIST, false, label, SHORT);
    }

    /** A single key of a node with the given label. */
    public static PropertySpec key(String name, String label) {
        return new PropertySpec(name, PropertyType.STRING, false, label, SHORT);
    }

    public static PropertySpec integer(String name) {
        return new PropertySpec(name, PropertyType.INTEGER, false, null, 0);
    }

    public static PropertySpec decimal(String name) {
        return new PropertySpec(name, PropertyType.FLOAT, false, null, 0);
    }

    public static PropertySpec bool(String name) {
        return new PropertySpec(name, PropertyType.BOOLEAN, false, null, 0);
    }

    public static PropertySpec date(String name) {
        return new PropertySpec(name, PropertyType.DATE, false, null, 0);
    }

    public static PropertySpec term(String name, String vocabulary) {
        return new PropertySpec(name, PropertyType.ENUM, false, vocabulary, 0);
    }

    public static PropertySpec terms(String name, String vocabulary) {
        return new PropertySpec(name, PropertyType.ENUM_LIST, false, vocabulary, 0);
    }

    public PropertySpec asRequired() {
        return new PropertySpec(name, type, true, vocabulary, maxLength);
    }

    /** Whether the value must be a key of a node with the label {@link #vocabulary()}. */
    public boolean referencesNodes() {
        return vocabulary != null && (type == PropertyType.STRING || type == PropertyType.STRING_LIST);
    }
}
