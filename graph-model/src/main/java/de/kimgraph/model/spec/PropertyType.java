package de.kimgraph.model.spec;

/** The value types a stored property may have. */
public enum PropertyType {
    STRING, STRING_LIST, INTEGER, FLOAT, BOOLEAN, DATE, ENUM, ENUM_LIST
}
