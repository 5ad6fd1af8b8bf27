package de.kimgraph.api.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/** Relay connections over keyset pages: opaque cursors wrap the business key of the last item. */
final class Connections {

    static final int MAX_PAGE = 500;

    private Connections() {
    }

    /**
     * A connection as a map. Spring for GraphQL adapts the values of {@code *Connection} fields unless they are
     * already connections, which it recognises by a class name ending in "Connection".
     */
    static final class MapConnection extends HashMap<String, Object> {
    }

    static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        int value = first == null ? 50 : first;
        if (value < 0 || value > MAX_PAGE) {
            throw new UnsupportedFilterException("first muss zwischen 0 und " + MAX_PAGE + " liegen.",
                    "first must lie between 0 and " + MAX_PAGE + ".");
        }
        return value;
    }

    static @Nullable String afterKey(DataFetchingEnvironment env) {
        String after = env.getArgument("after");
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!decoded.startsWith("k:")) {
                throw new IllegalArgumentException(decoded);
            }
            return decoded.substring(2);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFilterException("Ungültiger Cursor '" + after + "'.", "Invalid cursor '" + after + "'.");
        }
    }

    static String cursor(Map<String, Object> item) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("k:" + item.get("key")).getBytes(StandardCharsets.UTF_8));
    }

    /** The connection map; {@code totalCount} is only computed when the client selected it. */
    static Map<String, Object> of(EntityReader.Page page, boolean hasPrevious, DataFetchingEnvironment env,
                                  LongSupplier totalCount) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> item : page.items()) {
            edges.add(Map.of("cursor", cursor(item), "node", item));
        }
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", page.hasNext());
        pageInfo.put("hasPreviousPage", hasPrevious);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
        MapConnection connection = new MapConnection();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        if (env.getSelectionSet().contains("totalCount")) {
            connection.put("totalCount", totalCount.getAsLong());
        }
        return connection;
    }
}
