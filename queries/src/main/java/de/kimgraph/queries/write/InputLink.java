package de.kimgraph.queries.write;

/**
 * An input field that sets the targets of one relationship type, replacing the current ones: targets no longer
 * named are ended (validTo yesterday), new ones begin today, so the history stays readable with {@code asOf}.
 *
 * @param outgoing whether the relationship points from the written node to the target
 */
public record InputLink(String field, String type, boolean outgoing, String targetLabel, boolean single,
                        boolean required) {

    static InputLink out(String field, String type, String target) {
        return new InputLink(field, type, true, target, false, false);
    }

    static InputLink in(String field, String type, String target) {
        return new InputLink(field, type, false, target, false, false);
    }

    static InputLink one(String field, String type, String target, boolean required) {
        return new InputLink(field, type, true, target, true, required);
    }
}
