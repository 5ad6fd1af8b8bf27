package de.kimgraph.queries.analytics;

import org.jspecify.annotations.Nullable;

/**
 * A typed reference to a record that makes a finding, which a client can follow.
 *
 * @param type  an {@code EvidenceType} term: AREA, ACTOR, BODY, SERVICE, PROGRAMME, POSITION, AGREEMENT, FIELD,
 *              TARGET_GROUP, LEGAL_DOMAIN, RESIDENCE_STATUS, LANGUAGE, MEMBERSHIP, RELATION, FUNDING, GRANT, ...
 * @param key   the record's business key (for a language its ISO code)
 * @param label a readable name
 * @param role  the part it plays in the finding, e.g. "gemeinsames Mitglied"
 */
public record Evidence(String type, String key, @Nullable String label, @Nullable String role) {

    public static Evidence of(String type, String key, @Nullable String label) {
        return new Evidence(type, key, label, null);
    }

    public Evidence as(String role) {
        return new Evidence(type, key, label, role);
    }
}
