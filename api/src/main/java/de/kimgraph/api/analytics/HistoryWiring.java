package de.kimgraph.api.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.history.Diff;
import de.kimgraph.queries.analytics.history.HistoryDiff;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Registers {@code Query.diff}. The records come back as {@code Evidence}, so their typed fields (membership,
 * relation, actor …) resolve like the evidence of a finding; nested fields follow {@code asOf}, by default {@code to}.
 */
@Component
class HistoryWiring implements RuntimeWiringConfigurer {

    static final String NOTE_DE = "Hinzugekommen/weggefallen nach Gültigkeit (validFrom/validTo) der Einträge und ihrer Endpunkte; "
            + "Einträge, die zwischen den beiden Tagen begannen und endeten, erscheinen nicht. Geändert nach dem "
            + "Änderungsprotokoll (Bearbeitungen von from bis to einschließlich, Tage in UTC): bekannt erst ab Beginn des "
            + "Protokolls; frühere Änderungen und Änderungen durch Importe sind nicht einzeln aufgeführt.";
    static final String NOTE_EN = "Added/ended by the validity (validFrom/validTo) of the records and their end points; "
            + "records that began and ended between the two dates do not appear. Changed by the audit trail (edits from "
            + "from to to inclusive, days in UTC): known only from the start of the trail; earlier changes and changes "
            + "made by imports are not itemised.";

    private final HistoryDiff history;

    HistoryWiring(HistoryDiff history) {
        this.history = history;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("diff", this::diff));
    }

    private Object diff(DataFetchingEnvironment env) {
        LocalDate from = env.getArgument("from");
        LocalDate to = env.getArgument("to");
        LocalDate asOf = env.getArgument("asOf");
        Integer first = env.getArgument("first");
        Scope scope = AnalyticsSupport.scope(env);
        Diff diff = history.diff(scope.area(), from, to, scope.read(),
                first == null ? HistoryDiff.DEFAULT_LIMIT : first);
        Map<String, Object> data = new HashMap<>();
        data.put("area", diff.area());
        data.put("from", diff.from());
        data.put("to", diff.to());
        data.put("addedCount", diff.addedCount());
        data.put("endedCount", diff.endedCount());
        data.put("changesTracked", true);
        data.put("note", NOTE_DE + " (" + NOTE_EN + ")");
        data.put("kinds", diff.kinds().stream().map(k -> Map.of("kind", k.kind(), "addedCount", k.addedCount(),
                "endedCount", k.endedCount(), "changedCount", k.changedCount(), "added", entries(k.added()),
                "ended", entries(k.ended()), "changed", changes(k.changed()), "truncated", k.truncated())).toList());
        return AnalyticsSupport.result(data, asOf == null ? to : asOf);
    }

    private static List<Map<String, Object>> entries(List<Diff.Entry> entries) {
        return entries.stream().map(e -> AnalyticsSupport.evidence(new Evidence(e.kind(), e.key(), e.label(), role(e))))
                .toList();
    }

    private static List<Map<String, Object>> changes(List<Diff.Changed> changes) {
        return changes.stream().map(c -> AnalyticsSupport.evidence(new Evidence(c.kind(), c.key(), c.label(),
                "geändert (changed) " + c.lastChanged() + ": " + String.join(", ", c.properties())))).toList();
    }

    private static String role(Diff.Entry e) {
        String from = e.validFrom() == null ? "offen" : e.validFrom().toString();
        String to = e.validTo() == null ? "offen" : e.validTo().toString();
        return (e.change().equals("ADDED") ? "hinzugekommen (added)" : "weggefallen (ended)") + ", gültig " + from
                + " – " + to;
    }
}
