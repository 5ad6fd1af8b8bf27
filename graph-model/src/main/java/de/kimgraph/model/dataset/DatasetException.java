package de.kimgraph.model.dataset;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a dataset does not validate; nothing has been written. */
public class DatasetException extends RuntimeException {

    private final List<Problem> problems;

    public DatasetException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String head = problems.size() + " Fehler, nichts wurde geschrieben (" + problems.size()
                + " problem(s), nothing was written):\n  ";
        return head + problems.stream().limit(50).map(Problem::toString).collect(Collectors.joining("\n  "))
                + (problems.size() > 50 ? "\n  …" : "");
    }
}
