package de.kimgraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL operations over real HTTP. Operations live in {@code src/test/resources/graphql-test/*.graphql}
 * and are named by file; the answer is the parsed JSON body.
 */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String url;
    private final @Nullable String token;

    GraphQlHttp(String url, @Nullable String token) {
        this.url = url;
        this.token = token;
    }

    /** The HTTP status of the last answer. */
    private int status;

    public int status() {
        return status;
    }

    public JsonNode execute(String document, Map<String, ?> variables) {
        return post(load(document), variables);
    }

    public JsonNode execute(String document) {
        return execute(document, Map.of());
    }

    public JsonNode post(String query, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String load(String document) {
        try (InputStream in = GraphQlHttp.class.getResourceAsStream("/graphql-test/" + document + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No test operation " + document);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
