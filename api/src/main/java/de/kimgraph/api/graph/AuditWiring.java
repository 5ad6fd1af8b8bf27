package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.security.Principals;
import de.kimgraph.queries.audit.AuditTrail;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires {@code auditTrail}: the caller's view of the audit trail, newest first. */
@Component
class AuditWiring implements RuntimeWiringConfigurer {

    private final AuditTrail trail;

    AuditWiring(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("auditTrail", this::auditTrail));
    }

    private Object auditTrail(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        AuditTrail.Filter f = filter == null ? AuditTrail.Filter.NONE : new AuditTrail.Filter(
                text(filter, "recordKey"), text(filter, "label"), text(filter, "subject"),
                filter.get("operation") == null ? null : String.valueOf(filter.get("operation")), text(filter, "tenant"),
                (LocalDate) filter.get("from"), (LocalDate) filter.get("to"));
        int first = Connections.first(env);
        TimeCursors.Position after = TimeCursors.after(env);
        AuditTrail.Page page = trail.events(Principals.of(env), f, first,
                after == null ? null : new AuditTrail.After(after.at(), after.key()));
        return TimeCursors.connection(page.items(), page.hasNext(), after != null, "at", AuditWiring::event);
    }

    private static @Nullable String text(Map<String, Object> filter, String field) {
        Object value = filter.get(field);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        if (text.length() > AuditTrail.MAX_FILTER_LENGTH) {
            throw new UnsupportedFilterException("filter." + field + ": höchstens " + AuditTrail.MAX_FILTER_LENGTH
                    + " Zeichen.", "filter." + field + ": at most " + AuditTrail.MAX_FILTER_LENGTH + " characters.");
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Map<String, Object> item) {
        Map<String, Object> event = new HashMap<>(item);
        event.put("at", TimeCursors.iso(item.get("at")));
        event.put("changes", ((List<Map<String, Object>>) item.get("changes")).stream().map(c -> {
            Map<String, Object> change = new HashMap<>();
            change.put("property", c.get("property"));
            change.put("before", TimeCursors.text(c.get("before")));
            change.put("after", TimeCursors.text(c.get("after")));
            return change;
        }).toList());
        event.put("counts", ((Map<String, Map<String, Object>>) item.get("counts")).entrySet().stream()
                .map(e -> Map.of("label", e.getKey(), "created", e.getValue().get("created"),
                        "changed", e.getValue().get("changed"), "ended", e.getValue().getOrDefault("ended", 0L),
                        "unchanged", e.getValue().get("unchanged")))
                .toList());
        return event;
    }
}
