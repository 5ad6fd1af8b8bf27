package de.kimgraph.queries.analytics.coverage;

import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * Whether one recipient of a programme meets one of the programme's requirements.
 *
 * @param grant       key of the GRANTS relationship that makes the actor a recipient
 * @param programme   the programme (its properties)
 * @param recipient   the recipient actor (its properties)
 * @param requirement the requirement (its properties)
 * @param met         {@code true} or {@code false} for STEERING_BODY and DEFINED_INTERFACE requirements; {@code null}
 *                    for kinds the graph cannot decide (CONCEPT, OTHER) and for an interface requirement that names
 *                    no programme
 * @param evidence    what meets it (the steering body and the memberships, the interface agreements and their
 *                    parties), or what lacks it
 */
public record RequirementCheck(String grant, Map<String, Object> programme, Map<String, Object> recipient,
                               Map<String, Object> requirement, @Nullable Boolean met, List<Evidence> evidence) {

    public RequirementCheck {
        evidence = List.copyOf(evidence);
    }
}
