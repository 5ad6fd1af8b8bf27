package de.kimgraph.queries.entity;

/** A filter the entity type does not support, or an invalid filter value; the message names it in German and English. */
public class UnsupportedFilterException extends IllegalArgumentException {

    public UnsupportedFilterException(String messageDe, String messageEn) {
        super(messageDe + " (" + messageEn + ")");
    }
}
