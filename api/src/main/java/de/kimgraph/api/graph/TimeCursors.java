package de.kimgraph.api.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cursors of the newest-first lists (audit trail, proposals): an opaque wrapper of the time and key of the last
 * item, so the next page starts strictly after it even when many items share one transaction's time.
 */
final class TimeCursors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the next page starts. */
    record Position(ZonedDateTime at, String key) {
    }

    private TimeCursors() {
    }

    static String cursor(ZonedDateTime at, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("t:" + at.toInstant() + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable Position after(DataFetchingEnvironment env) {
        String after = env.getArgument("after");
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (!decoded.startsWith("t:") || bar < 0) {
                throw new IllegalArgumentException(decoded);
            }
            Instant at = Instant.parse(decoded.substring(2, bar));
            return new Position(at.atZone(ZoneOffset.UTC), decoded.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnsupportedFilterException("Ungültiger Cursor in after: '" + after + "'.",
                    "Invalid cursor in after: '" + after + "'.");
        }
    }

    /** A connection of {@code items}, cursors from their time property {@code atProperty} and key. */
    static Connections.MapConnection connection(List<Map<String, Object>> items, boolean hasNext, boolean hasPrevious,
                                                String atProperty, Function<Map<String, Object>, Object> node) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> item : items) {
            edges.add(Map.of("cursor", cursor((ZonedDateTime) item.get(atProperty), (String) item.get("key")),
                    "node", node.apply(item)));
        }
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", hasPrevious);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
        Connections.MapConnection connection = new Connections.MapConnection();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    static @Nullable String iso(@Nullable Object time) {
        return time instanceof ZonedDateTime t ? t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : null;
    }

    /** A stored value as text: text as it is, lists as a JSON array, other values printed. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return value instanceof List<?> || value instanceof Map<?, ?> ? JSON.writeValueAsString(value) : value.toString();
    }
}
