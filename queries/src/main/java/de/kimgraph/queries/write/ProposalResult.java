package de.kimgraph.queries.write;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A proposal as written (and, once confirmed, the relationship it became), or the errors that stopped the
 * write (then nothing was written).
 */
public record ProposalResult(@Nullable Map<String, Object> proposal, @Nullable Map<String, Object> relation,
                             List<UserError> errors) {

    static ProposalResult failed(List<UserError> errors) {
        return new ProposalResult(null, null, List.copyOf(errors));
    }

    static ProposalResult failed(UserError error) {
        return failed(List.of(error));
    }
}
