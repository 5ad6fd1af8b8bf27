package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code diff.changed} from the audit trail, over HTTP with real tokens, on {@code fixtures/history-changed.json}
 * (Kreis Wechselfeld, fictional): an internal actor, a published actor, a published network and an internal
 * membership, edited through the mutations; the diff lists what was edited on a day of [from, to] (UTC) with the
 * changed properties, and only what the caller may read.
 */
class HistoryDiffChangedTest extends ApiTest {

    private static final String KREIS = "999981000000";
    private static final Principal COORDINATOR = as(AccessRole.COORDINATOR, KREIS);
    private static final Principal OUTSIDER = as(AccessRole.COORDINATOR, "999982000000");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void load() {
        forgetEvents();
        TestNeo4j.get().load("/fixtures/history-changed.json");
    }

    @AfterEach
    void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
        forgetEvents();
    }

    /** Test hygiene only: the fixture's keys come back in every test, and so would the events of the last one. */
    private void forgetEvents() {
        driver.executableQuery("MATCH (e:AuditEvent {tenant: $tenant}) DELETE e")
                .withParameters(Map.of("tenant", KREIS)).execute();
    }

    private JsonNode update(Principal principal, String operation, String key, Map<String, Object> input) {
        JsonNode answer = graphQl(principal).execute("security/" + operation,
                Map.of("key", key, "version", 1, "input", input, "comment", "Test diff.changed"));
        assertThat(answer.path("errors")).as(answer.toString()).isEmpty();
        assertThat(answer.at("/data/" + operation + "/errors")).as(answer.toString()).isEmpty();
        return answer;
    }

    private JsonNode diff(Principal principal, LocalDate from, LocalDate to) {
        JsonNode answer = graphQl(principal).execute("diffChanged",
                Map.of("area", KREIS, "from", from.toString(), "to", to.toString()));
        assertThat(answer.path("errors")).as(answer.toString()).isEmpty();
        return answer.at("/data/diff");
    }

    private static JsonNode kind(JsonNode diff, String kind) {
        return diff.path("kinds").valueStream().filter(k -> k.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow();
    }

    private static List<String> changed(JsonNode diff, String kind) {
        return kind(diff, kind).path("changed").valueStream().map(e -> e.path("key").asString()).toList();
    }

    @Test
    void editedActorAndMembershipAreChangedWithTheirPropertiesAndDay() {
        update(COORDINATOR, "updateActor", "dc-ki", Map.of("name", "KI Wechselfeld", "email", "neu@wechselfeld.example"));
        update(ADMIN, "updateMembership", "dc-m-ki", Map.of("role", "CHAIR"));

        JsonNode diff = diff(COORDINATOR, TODAY.minusDays(1), TODAY);

        assertThat(diff.path("changesTracked").asBoolean()).isTrue();
        assertThat(diff.path("note").asString()).contains("Änderungsprotokoll").contains("audit trail");
        JsonNode actors = kind(diff, "ACTOR");
        assertThat(changed(diff, "ACTOR")).containsExactly("dc-ki");
        assertThat(actors.path("changedCount").asInt()).isEqualTo(1);
        JsonNode actor = actors.at("/changed/0");
        assertThat(actor.path("type").asString()).isEqualTo("ACTOR");
        assertThat(actor.path("label").asString()).isEqualTo("KI Wechselfeld");
        assertThat(actor.path("role").asString()).isEqualTo("geändert (changed) " + TODAY + ": email, name");
        assertThat(actor.at("/actor/name").asString()).isEqualTo("KI Wechselfeld");
        JsonNode membership = kind(diff, "MEMBERSHIP").at("/changed/0");
        assertThat(changed(diff, "MEMBERSHIP")).containsExactly("dc-m-ki");
        assertThat(membership.path("role").asString()).isEqualTo("geändert (changed) " + TODAY + ": role");
        assertThat(membership.at("/membership/body/key").asString()).isEqualTo("dc-netz");
        assertThat(changed(diff, "BODY")).isEmpty();
        // an edit is not an addition
        assertThat(kind(diff, "ACTOR").path("added")).isEmpty();
    }

    @Test
    void severalEditsOfOneRecordAreOneEntryWithAllTheirProperties() {
        update(COORDINATOR, "updateActor", "dc-verein", Map.of("name", "Verein A"));
        JsonNode second = graphQl(COORDINATOR).execute("security/updateActor",
                Map.of("key", "dc-verein", "version", 2, "input", Map.of("phone", "+49 30 1234")));
        assertThat(second.at("/data/updateActor/errors")).as(second.toString()).isEmpty();

        JsonNode actors = kind(diff(COORDINATOR, TODAY.minusDays(1), TODAY), "ACTOR");

        assertThat(actors.path("changed")).hasSize(1);
        assertThat(actors.at("/changed/0/role").asString()).isEqualTo("geändert (changed) " + TODAY + ": name, phone");
    }

    @Test
    void anEditOutsideTheIntervalIsNotListed() {
        update(COORDINATOR, "updateActor", "dc-ki", Map.of("name", "KI Wechselfeld"));

        JsonNode before = diff(COORDINATOR, TODAY.minusDays(30), TODAY.minusDays(1));
        JsonNode after = diff(COORDINATOR, TODAY.plusDays(1), TODAY.plusDays(30));

        assertThat(changed(before, "ACTOR")).isEmpty();
        assertThat(kind(before, "ACTOR").path("changedCount").asInt()).isZero();
        assertThat(changed(after, "ACTOR")).isEmpty();
        assertThat(changed(diff(COORDINATOR, TODAY, TODAY.plusDays(1)), "ACTOR")).containsExactly("dc-ki");
    }

    @Test
    void anOutsiderSeesChangesOfPublishedRecordsOnlyNotOfInternalOnes() {
        update(COORDINATOR, "updateActor", "dc-ki", Map.of("name", "KI Wechselfeld"));
        update(COORDINATOR, "updateActor", "dc-verein", Map.of("name", "Verein Wechselfeld"));
        update(COORDINATOR, "updateMembership", "dc-m-ki", Map.of("role", "CHAIR"));

        JsonNode outside = diff(OUTSIDER, TODAY.minusDays(1), TODAY);
        JsonNode inside = diff(COORDINATOR, TODAY.minusDays(1), TODAY);

        assertThat(changed(outside, "ACTOR")).containsExactly("dc-verein");
        assertThat(changed(outside, "MEMBERSHIP")).isEmpty();
        assertThat(kind(outside, "ACTOR").path("changedCount").asInt()).isEqualTo(1);
        assertThat(outside.toString()).doesNotContain("dc-ki", "KI Wechselfeld");
        assertThat(changed(inside, "ACTOR")).containsExactly("dc-ki", "dc-verein");
        assertThat(changed(inside, "MEMBERSHIP")).containsExactly("dc-m-ki");
    }

    @Test
    void theChangedListIsCappedByFirstButItsCountStaysComplete() {
        update(COORDINATOR, "updateActor", "dc-ki", Map.of("name", "KI Wechselfeld"));
        update(COORDINATOR, "updateActor", "dc-verein", Map.of("name", "Verein Wechselfeld"));

        JsonNode actors = kind(graphQl(COORDINATOR).execute("diffChanged", Map.of("area", KREIS, "from",
                TODAY.minusDays(1).toString(), "to", TODAY.toString(), "first", 1)).at("/data/diff"), "ACTOR");

        assertThat(actors.path("changed")).hasSize(1);
        assertThat(actors.path("changedCount").asInt()).isEqualTo(2);
        assertThat(actors.path("truncated").asBoolean()).isTrue();
    }
}
