package de.kimgraph.queries.analytics.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A band of whole years of age, both ends inclusive; {@code to == OPEN} means "and older". Services without an
 * age limit cover {@code [0, OPEN]}. The set operations work on sorted, merged lists, which is all status and age
 * gaps need: the union of what services cover, its interior holes, and one union minus another.
 */
record AgeBand(int from, int to) {

    static final int OPEN = Integer.MAX_VALUE;

    static AgeBand of(@Nullable Number minAge, @Nullable Number maxAge) {
        return new AgeBand(minAge == null ? 0 : minAge.intValue(), maxAge == null ? OPEN : maxAge.intValue());
    }

    boolean open() {
        return to == OPEN;
    }

    boolean overlaps(AgeBand other) {
        return from <= other.to && other.from <= to;
    }

    /** The bands merged: overlapping or adjacent bands (15 and 16) become one; sorted by lower bound. */
    static List<AgeBand> union(List<AgeBand> bands) {
        List<AgeBand> sorted = bands.stream().filter(b -> b.from <= b.to)
                .sorted(Comparator.comparingInt(AgeBand::from)).toList();
        List<AgeBand> merged = new ArrayList<>();
        for (AgeBand band : sorted) {
            if (!merged.isEmpty() && (merged.getLast().to == OPEN || band.from <= merged.getLast().to + 1)) {
                AgeBand last = merged.removeLast();
                merged.add(new AgeBand(last.from, Math.max(last.to, band.to)));
            } else {
                merged.add(band);
            }
        }
        return merged;
    }

    /** The ages between merged bands: uncovered, with covered ages on both sides. */
    static List<AgeBand> holes(List<AgeBand> union) {
        List<AgeBand> holes = new ArrayList<>();
        for (int i = 1; i < union.size(); i++) {
            holes.add(new AgeBand(union.get(i - 1).to + 1, union.get(i).from - 1));
        }
        return holes;
    }

    /** The merged bands {@code a} without the ages in the merged bands {@code b}. */
    static List<AgeBand> minus(List<AgeBand> a, List<AgeBand> b) {
        List<AgeBand> result = new ArrayList<>();
        for (AgeBand band : a) {
            int from = band.from;
            boolean done = false;
            for (AgeBand cut : b) {
                if (cut.to < from || cut.from > band.to) {
                    continue;
                }
                if (cut.from > from) {
                    result.add(new AgeBand(from, cut.from - 1));
                }
                if (cut.to >= band.to) {
                    done = true;
                    break;
                }
                from = cut.to + 1;
            }
            if (!done) {
                result.add(new AgeBand(from, band.to));
            }
        }
        return result;
    }

    /** The merged bands from {@code minAge} up. */
    static List<AgeBand> from(List<AgeBand> union, int minAge) {
        return union.stream().filter(b -> b.to >= minAge).map(b -> new AgeBand(Math.max(b.from, minAge), b.to)).toList();
    }

    String de() {
        if (open()) {
            return "ab " + from + " Jahren";
        }
        return from == to ? "mit " + from + " Jahren" : "von " + from + " bis " + to + " Jahren";
    }

    String en() {
        if (open()) {
            return "aged " + from + " and over";
        }
        return from == to ? "aged " + from : "aged " + from + " to " + to;
    }

    /** A service's own range, e.g. "12–27", "18–" or "ohne Altersgrenze" / "no age limit". */
    String range(boolean german) {
        if (from == 0 && open()) {
            return german ? "ohne Altersgrenze" : "no age limit";
        }
        return from + "–" + (open() ? "" : String.valueOf(to));
    }
}
