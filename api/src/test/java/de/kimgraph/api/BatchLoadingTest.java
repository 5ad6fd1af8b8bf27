package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import de.kimgraph.queries.entity.EntityReader;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/** Nested fields of a whole page are loaded with one query per link, not one per item (no N+1). */
class BatchLoadingTest extends ApiTest {

    @MockitoSpyBean
    EntityReader reader;

    @Test
    void aPageOfActorsWithTwoNestedLevelsCostsOneQueryPerLink() {
        JsonNode actors = graphQl().execute("actorsNested", Map.of("area", "999990000000", "asOf", "2026-12-01"))
                .at("/data/actors");

        assertThat(actors.path("edges").size()).isGreaterThan(40);
        verify(reader, times(1)).links(argThat(l -> l.id().equals("Actor.services")), anyCollection(), any(), any());
        verify(reader, times(1)).links(argThat(l -> l.id().equals("Actor.memberships")), anyCollection(), any(), any());
        verify(reader, times(1)).links(argThat(l -> l.id().equals("Service.fields")), anyCollection(), any(), any());
        verify(reader, times(1)).links(argThat(l -> l.id().equals("Service.areas")), anyCollection(), any(), any());
        verify(reader, times(1)).byKeys(argThat(label -> label.equals("Body")), anyCollection(), any());
    }
}
