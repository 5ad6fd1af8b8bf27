package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** GraphiQL works offline: the page names no external host and every script it loads is served here. */
class GraphiqlPageTest extends ApiTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsAssetsAreServedLocally() throws Exception {
        HttpResponse<String> page = get(URI.create("http://localhost:" + port + "/graphiql"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("kim-graph GraphiQL").doesNotContain("https://").doesNotContain("http://");
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]*webjars[^\"]+)\"").matcher(page.body());
        int found = 0;
        while (assets.find()) {
            URI asset = page.uri().resolve(assets.group(1));
            assertThat(get(asset).statusCode()).as(asset.toString()).isEqualTo(200);
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }
}
