package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import de.kimgraph.queries.entity.EntityReader;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * Nested fields of a whole page are read without N+1: the links a page selects are read in the page's own
 * statement (Prefetch), and what cannot be prefetched (a link with arguments, a reference to another record) costs
 * one batched query per link, not one per item.
 */
class BatchLoadingTest extends ApiTest {

    @MockitoSpyBean
    EntityReader reader;

    @Test
    void aPageOfActorsWithTwoNestedLevelsIsReadInOneStatement() {
        JsonNode actors = graphQl().execute("actorsNested", Map.of("area", "999990000000", "asOf", "2026-12-01"))
                .at("/data/actors");

        assertThat(actors.path("edges").size()).isGreaterThan(40);
        verify(reader, times(1)).list(any(), any(), anyInt(), any(), any(), anyList());
        verify(reader, never()).links(any(), anyCollection(), any(), any());
        verify(reader, never()).byKeys(any(), anyCollection(), any());
        // the nested levels are there: services with fields and areas, memberships with their body
        JsonNode caritas = null;
        for (JsonNode edge : actors.path("edges")) {
            if (edge.at("/node/key").asString().equals("caritas-auental")) {
                caritas = edge.path("node");
            }
        }
        assertThat(caritas).isNotNull();
        assertThat(caritas.path("services").size()).isGreaterThan(0);
        assertThat(caritas.at("/services/0/fields").size()).isGreaterThan(0);
        assertThat(caritas.at("/services/0/areas").size()).isGreaterThan(0);
        assertThat(caritas.path("memberships").size()).isGreaterThan(0);
        assertThat(caritas.at("/memberships/0/body/key").asString()).startsWith("body-");
    }

    @Test
    void aLinkWithArgumentsAndAReferenceToAnotherRecordFallBackToOneBatchedQueryEach() {
        JsonNode actors = graphQl().execute("actorsRelations", Map.of("area", "999990000000")).at("/data/actors");

        assertThat(actors.path("edges").size()).isGreaterThan(40);
        verify(reader, times(1)).links(argThat(l -> l.id().equals("Actor.relations")), anyCollection(), any(), any());
        verify(reader, never()).links(argThat(l -> l.id().equals("Actor.memberships")), anyCollection(), any(), any());
        verify(reader, never()).byKeys(argThat(label -> label.equals("Body")), anyCollection(), any());
        long relations = 0;
        for (JsonNode edge : actors.path("edges")) {
            relations += edge.at("/node/relations").size();
        }
        assertThat(relations).isGreaterThan(0);
    }
}
