package de.kimgraph.queries.write;

import de.kimgraph.model.dataset.Problem;
import org.jspecify.annotations.Nullable;

/** A typed validation error of a mutation, naming the input field, in German and English. */
public record UserError(String code, @Nullable String field, String message, String messageEn) {

    static UserError of(Problem problem) {
        return new UserError(problem.code(), "input." + problem.field(), problem.messageDe(), problem.messageEn());
    }
}
