package de.kimgraph.model.dataset;

/**
 * A validation problem of one record, in German and English.
 *
 * @param location where in the input, e.g. {@code auental.json: nodes.Actor[12]} or {@code Akteure, Zeile 7}
 * @param field    the property or reference at fault
 * @param code     a stable code, e.g. {@code UNKNOWN_TERM}
 */
public record Problem(String location, String field, String code, String messageDe, String messageEn) {

    @Override
    public String toString() {
        return location + " / " + field + " [" + code + "]: " + messageDe + " (" + messageEn + ")";
    }
}
