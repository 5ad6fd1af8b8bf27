package de.kimgraph.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kimgraph.api.ApiTest;
import de.kimgraph.queries.access.AccessRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The warm-up documents run against the real schema and data for every read-rule shape, without errors. */
class PlanWarmUpTest extends ApiTest {

    @Autowired
    PlanWarmUp warmUp;

    @Test
    void warmsEveryDocumentForEveryReadRuleShapeWithoutErrors() {
        List<PlanWarmUp.Outcome> outcomes = warmUp.run();
        assertThat(outcomes).extracting(PlanWarmUp.Outcome::role).containsOnly(AccessRole.ADMIN,
                AccessRole.COORDINATOR, AccessRole.DASHBOARD);
        assertThat(outcomes).hasSize(6).allSatisfy(o -> assertThat(o.errors()).as(o.role() + " " + o.document())
                .isEmpty());
    }
}
