package de.kimgraph.api.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.queries.write.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of an import as the maps GraphQL resolves ({@code ImportPayload} of {@code exchange.graphqls}) and
 * the REST upload writes as JSON, so that both have the same shape.
 */
final class ImportView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportView() {
    }

    /** {@code {result, problems, errors}} with at most {@code first} changes. */
    static Map<String, @Nullable Object> payload(Exchange.Answer answer, int first) {
        LoadResult result = answer.result();
        Map<String, @Nullable Object> payload = new LinkedHashMap<>();
        payload.put("result", result == null ? null : result(result, first));
        payload.put("problems", problems(answer.problems()));
        payload.put("errors", errors(answer.errors()));
        return payload;
    }

    static Map<String, Object> result(LoadResult result, int first) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dryRun", result.dryRun());
        map.put("created", result.created());
        map.put("changed", result.changed());
        map.put("ended", result.ended());
        map.put("unchanged", result.unchanged());
        List<Map<String, Object>> counts = new ArrayList<>();
        result.counts().forEach((label, c) -> {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("label", label);
            count.put("created", c.created());
            count.put("changed", c.changed());
            count.put("ended", c.ended());
            count.put("unchanged", c.unchanged());
            counts.add(count);
        });
        map.put("counts", counts);
        map.put("changes", result.changes().stream().limit(Math.max(0, first)).map(ImportView::change).toList());
        map.put("changesComplete", result.complete());
        map.put("warnings", problems(result.warnings()));
        return map;
    }

    private static Map<String, Object> change(LoadResult.Change change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", change.kind().name());
        map.put("label", change.label());
        map.put("key", change.key());
        map.put("location", change.location());
        map.put("fields", change.fields());
        List<Map<String, @Nullable Object>> before = new ArrayList<>();
        change.before().forEach((field, value) -> {
            Map<String, @Nullable Object> pair = new LinkedHashMap<>();
            pair.put("field", field);
            pair.put("value", text(value));
            before.add(pair);
        });
        map.put("before", before);
        return map;
    }

    static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("location", p.location());
            map.put("field", p.field());
            map.put("code", p.code());
            map.put("messageDe", p.messageDe());
            map.put("messageEn", p.messageEn());
            return map;
        }).toList();
    }

    static List<Map<String, @Nullable Object>> errors(List<UserError> errors) {
        return errors.stream().map(e -> {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            map.put("code", e.code());
            map.put("field", e.field());
            map.put("message", e.message());
            map.put("messageEn", e.messageEn());
            return map;
        }).toList();
    }

    /** A stored value as text: text as it is, lists as a JSON array, other values (dates, numbers) printed. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> list) {
            return JSON.writeValueAsString(list.stream().map(v -> v == null || v instanceof String
                    || v instanceof Number || v instanceof Boolean ? v : v.toString()).toList());
        }
        return value.toString();
    }
}
