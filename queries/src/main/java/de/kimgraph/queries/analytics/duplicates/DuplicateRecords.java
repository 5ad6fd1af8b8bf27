package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.duplicates.Texts.de;
import static de.kimgraph.queries.analytics.duplicates.Texts.en;
import static de.kimgraph.queries.analytics.duplicates.Texts.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;

/**
 * DUPLICATE_RECORD: pairs of actor records that look like the same organisation, as merge candidates, ranked by the
 * score of {@link RecordMatcher} with its components as figures. HIGH from {@value #HIGH_SCORE} (a similar name
 * and a shared identifier, usually also the address), MEDIUM from {@value #MEDIUM_SCORE} (e.g. the same name at the
 * same address), LOW below (e.g. the same name and nothing else known).
 */
final class DuplicateRecords {

    static final double HIGH_SCORE = 0.8;
    static final double MEDIUM_SCORE = 0.6;

    private DuplicateRecords() {
    }

    static List<Finding> find(List<RecordMatcher.Record> actors, Thresholds thresholds) {
        return RecordMatcher.match(actors, thresholds.minRecordScore()).matches().stream()
                .map(DuplicateRecords::finding).toList();
    }

    private static Finding finding(RecordMatcher.Match match) {
        RecordMatcher.Record a = match.first();
        RecordMatcher.Record b = match.second();
        List<String> reasonsDe = new ArrayList<>();
        List<String> reasonsEn = new ArrayList<>();
        reasonsDe.add("Namensähnlichkeit " + de(match.nameSimilarity()));
        reasonsEn.add("name similarity " + en(match.nameSimilarity()));
        switch (match.identifierMatch()) {
            case 1 -> {
                reasonsDe.add("gleicher Identifikator " + String.join(", ", match.sharedIdentifiers()));
                reasonsEn.add("same identifier " + String.join(", ", match.sharedIdentifiers()));
            }
            case -1 -> {
                reasonsDe.add("verschiedene Identifikatoren desselben Registers");
                reasonsEn.add("different identifiers of the same register");
            }
            default -> {
                reasonsDe.add("kein gemeinsamer Identifikator");
                reasonsEn.add("no shared identifier");
            }
        }
        switch (match.addressMatch()) {
            case 1 -> {
                reasonsDe.add("gleiche Adresse " + a.address());
                reasonsEn.add("same address " + a.address());
            }
            case -1 -> {
                reasonsDe.add("verschiedene Adressen (" + a.address() + " / " + b.address() + ")");
                reasonsEn.add("different addresses (" + a.address() + " / " + b.address() + ")");
            }
            default -> {
                reasonsDe.add("Adresse nicht bei beiden erfasst");
                reasonsEn.add("address not recorded for both");
            }
        }
        String de = "„%s“ (%s) und „%s“ (%s) beschreiben vermutlich dieselbe Organisation (Wert %s: %s). Beide Datensätze prüfen und gegebenenfalls zusammenführen; Mitgliedschaften, Angebote und Beziehungen des einen auf den anderen übertragen."
                .formatted(a.name(), a.key(), b.name(), b.key(), de(match.score()), String.join(", ", reasonsDe));
        String en = "'%s' (%s) and '%s' (%s) probably describe the same organisation (score %s: %s). Check both records and merge them if so, moving memberships, services and relations onto one."
                .formatted(a.name(), a.key(), b.name(), b.key(), en(match.score()), String.join(", ", reasonsEn));
        String severity = match.score() >= HIGH_SCORE ? "HIGH" : match.score() >= MEDIUM_SCORE ? "MEDIUM" : "LOW";
        List<Evidence> evidence = List.of(
                new Evidence("ACTOR", a.key(), a.name(), "möglicher Doppeleintrag"),
                new Evidence("ACTOR", b.key(), b.name(), "möglicher Doppeleintrag"));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("score", round(match.score()));
        figures.put("nameSimilarity", round(match.nameSimilarity()));
        figures.put("identifierMatch", (double) match.identifierMatch());
        figures.put("addressMatch", (double) match.addressMatch());
        return Finding.of("DUPLICATE_RECORD", severity, de, en, evidence).withFigures(figures);
    }
}
