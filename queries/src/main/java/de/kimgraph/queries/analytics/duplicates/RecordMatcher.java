package de.kimgraph.queries.analytics.duplicates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds actor records that probably describe the same organisation.
 *
 * <p><b>Blocking.</b> Comparing every pair is quadratic (NRW: tens of thousands of actors, 10^8–10^9 pairs), so
 * records are first put into blocks and only pairs inside a block are compared: the same normalised identifier, the
 * same normalised address, one of the {@value #RARE_TOKENS} rarest words of the name that another record shares
 * (rarity counted over the records at hand, so "Kreis" or the district's name do not form blocks; hyphenated words
 * also count by their parts), or the same first {@value #PREFIX} characters of the compact name (which catches
 * "Caritas Verband" vs "Caritasverband"). Blocks larger than {@value #MAX_BLOCK} are skipped: a key shared by that
 * many records (a town's name, a town hall's address) says nothing about any one pair. 20,000 synthetic records
 * need well under 0.1 % of all pairs compared ({@code RecordMatcherTest}).
 *
 * <p><b>Score.</b> {@code 0.4 · nameSimilarity + 0.4 · identifierMatch + 0.2 · addressMatch}, clamped to 0..1,
 * where identifierMatch is 1 for a shared identifier, −1 when both carry identifiers of the same register but none
 * in common (two registered associations), 0 otherwise, and addressMatch is 1 for the same address, −1 for two
 * different addresses, 0 when one is missing. Missing data is neutral, contradicting data counts against a merge.
 * A register identifier is as strong as the whole name because it is unique by law; the address is weaker because
 * units, tenants of a house and branches share addresses. So a shared identifier alone reaches 0.4 plus the name
 * share, identical names alone reach 0.4 (the default reporting threshold: a LOW candidate), identical names at the
 * same address 0.6, and the demo's two Caritas records (same name, identifier and address) 1.0, while the two
 * "Internationaler Frauentreff" actors (similar names, different addresses) score 0.14. A pair is only scored when
 * it shares an identifier or its names are at least {@value #MIN_NAME_SIMILARITY} alike, and never when one record
 * is a unit of the other ({@code PART_OF}): units share their organisation's address and much of its name by design.
 */
final class RecordMatcher {

    static final double MIN_NAME_SIMILARITY = 0.8;
    static final int MAX_BLOCK = 50;
    static final int RARE_TOKENS = 2;
    static final int PREFIX = 8;

    static final double NAME_WEIGHT = 0.4;
    static final double IDENTIFIER_WEIGHT = 0.4;
    static final double ADDRESS_WEIGHT = 0.2;

    /** An actor as the matcher sees it; {@code related} are the actors it is a unit of or that are units of it. */
    record Record(String key, String name, @Nullable String address, List<String> identifiers, Set<String> related) {
    }

    /** A scored pair, {@code first.key < second.key}. */
    record Match(Record first, Record second, double nameSimilarity, List<String> sharedIdentifiers,
                 int identifierMatch, int addressMatch, double score) {
    }

    /**
     * The matches at or above the minimum score, best first, and how many pairs were compared. A pair scoring 0
     * (contradicting data outweighs the name) is never a match.
     */
    record Result(List<Match> matches, int comparedPairs) {
    }

    private record Prepared(Record record, String compact, Names.Trigrams trigrams, Map<String, String> identifiers,
                            Set<String> schemes, @Nullable String address) {
    }

    private RecordMatcher() {
    }

    static Result match(List<Record> records, double minScore) {
        List<Prepared> prepared = records.stream().map(RecordMatcher::prepare).toList();
        Set<Long> pairs = candidatePairs(records, prepared);
        List<Match> matches = new ArrayList<>();
        for (long pair : pairs) {
            Prepared a = prepared.get((int) (pair >>> 32));
            Prepared b = prepared.get((int) pair);
            Match match = compare(a, b);
            if (match != null && match.score() > 0.0 && match.score() >= minScore) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(m -> m.first().key()).thenComparing(m -> m.second().key()));
        return new Result(List.copyOf(matches), pairs.size());
    }

    private static Prepared prepare(Record record) {
        Map<String, String> identifiers = new HashMap<>();
        Set<String> schemes = new HashSet<>();
        for (String identifier : record.identifiers()) {
            String normal = Names.identifier(identifier);
            if (!normal.isEmpty()) {
                identifiers.putIfAbsent(normal, identifier);
                schemes.add(Names.scheme(identifier));
            }
        }
        String compact = Names.compact(record.name());
        return new Prepared(record, compact, Names.Trigrams.of(compact), identifiers, schemes,
                Names.address(record.address()));
    }

    private static Set<Long> candidatePairs(List<Record> records, List<Prepared> prepared) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<List<String>> tokens = new ArrayList<>();
        for (Record record : records) {
            List<String> words = Names.blockingTokens(record.name());
            tokens.add(words);
            words.forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            Set<String> keys = new LinkedHashSet<>();
            p.identifiers().keySet().forEach(id -> keys.add("id:" + id));
            if (p.address() != null) {
                keys.add("address:" + p.address());
            }
            tokens.get(i).stream().filter(w -> documentFrequency.get(w) > 1)
                    .sorted(Comparator.comparingInt((String w) -> documentFrequency.get(w)).thenComparing(w -> w))
                    .limit(RARE_TOKENS).forEach(w -> keys.add("word:" + w));
            if (p.compact().length() >= PREFIX) {
                keys.add("prefix:" + p.compact().substring(0, PREFIX));
            }
            for (String key : keys) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> pairs = new HashSet<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2 || block.size() > MAX_BLOCK) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    boolean ordered = records.get(i).key().compareTo(records.get(j).key()) < 0;
                    long first = ordered ? i : j;
                    long second = ordered ? j : i;
                    pairs.add(first << 32 | second);
                }
            }
        }
        return pairs;
    }

    private static @Nullable Match compare(Prepared a, Prepared b) {
        if (a.record().related().contains(b.record().key()) || b.record().related().contains(a.record().key())) {
            return null;
        }
        List<String> shared = a.identifiers().entrySet().stream()
                .filter(e -> b.identifiers().containsKey(e.getKey())).map(Map.Entry::getValue).sorted().toList();
        double similarity = Names.similarity(a.trigrams(), b.trigrams());
        if (shared.isEmpty() && similarity < MIN_NAME_SIMILARITY) {
            return null;
        }
        int identifierMatch = !shared.isEmpty() ? 1
                : a.schemes().stream().anyMatch(b.schemes()::contains) ? -1 : 0;
        int addressMatch = a.address() == null || b.address() == null ? 0
                : a.address().equals(b.address()) ? 1 : -1;
        double score = NAME_WEIGHT * similarity + IDENTIFIER_WEIGHT * identifierMatch + ADDRESS_WEIGHT * addressMatch;
        score = Math.max(0.0, Math.min(1.0, score));
        return new Match(a.record(), b.record(), similarity, shared, identifierMatch, addressMatch, score);
    }
}
