package de.kimgraph.api.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP for the limit tests: any method, body, content type and headers; status and body of the answer. */
final class RawHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A GraphQL request with the given fields ({@code query}, {@code variables}, {@code extensions}). */
    Answer graphQl(Map<String, ?> body) {
        return send("POST", "/graphql", "application/json", JSON.writeValueAsString(body), false);
    }

    Answer send(String method, String path, String contentType, String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher)
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
