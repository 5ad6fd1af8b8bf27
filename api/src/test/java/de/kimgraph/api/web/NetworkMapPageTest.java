package de.kimgraph.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kimgraph.api.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The network map's files (module {@code web}) are served at {@code /karte/} without a token and load nothing from
 * elsewhere; the data behind them still needs one. Runs without a browser, unlike {@link NetworkMapE2ETest}.
 */
class NetworkMapPageTest extends ApiTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsAssetsAreServedOpenlyAndLocally() throws Exception {
        HttpResponse<String> page = get(URI.create("http://localhost:" + port + "/karte"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/karte/");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"de\">", "Netzwerkkarte").doesNotContain("https://", "http://");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/karte/assets/[^\"]+)\"").matcher(page.body());
        int found = 0;
        while (assets.find()) {
            HttpResponse<String> asset = get(page.uri().resolve(assets.group(1)));
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).doesNotContain("https://cdn");
            found++;
        }
        assertThat(found).as("script and style sheet").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDataBehindThePageStillNeedsAToken() {
        var anonymous = anonymous();
        var answer = anonymous.post("{ actors(first: 1) { totalCount } }", java.util.Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
    }
}
