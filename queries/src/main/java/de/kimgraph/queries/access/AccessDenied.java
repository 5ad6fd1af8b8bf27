package de.kimgraph.queries.access;

/**
 * The caller's token does not allow this (wrong role, or a record of another tenant). The API answers with a
 * {@code FORBIDDEN} GraphQL error carrying these messages; the transaction is rolled back, nothing is written.
 */
public class AccessDenied extends RuntimeException {

    private final String messageEn;

    public AccessDenied(String messageDe, String messageEn) {
        super(messageDe);
        this.messageEn = messageEn;
    }

    public String messageEn() {
        return messageEn;
    }
}
