package de.kimgraph.queries.write;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The record as written, or the errors that stopped the write (then nothing was written). */
public record WriteResult(@Nullable Map<String, Object> record, List<UserError> errors) {

    static WriteResult ok(Map<String, Object> record) {
        return new WriteResult(record, List.of());
    }

    static WriteResult failed(List<UserError> errors) {
        return new WriteResult(null, List.copyOf(errors));
    }

    static WriteResult failed(UserError error) {
        return new WriteResult(null, List.of(error));
    }
}
