package de.kimgraph.queries.analytics.duplicates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Normal forms of what identifies an organisation (name, address, identifier) and the similarity of two names.
 *
 * <p>Names are folded (lower case, umlauts transliterated, other diacritics dropped), parenthesised qualifiers
 * such as "(fiktiv)" and legal forms ("e.V.", "gGmbH") removed, and hyphens joined, so that
 * "Caritas-Verband Auental (fiktiv)" and "Caritasverband Auental e.V." both become {@code caritasverbandauental}.
 *
 * <p>Similarity is the Dice coefficient of the character trigrams of the compact names. It was chosen over
 * Jaro-Winkler and Ratcliff/Obershelp ({@code difflib}) after comparing them on the demo district: those two reward
 * a long common part, so the many "Gemeindeverwaltung X" / "Stadtverwaltung Y" pairs reach 0.8–0.93 (Jaro-Winkler)
 * or 0.7–0.8 (difflib), while trigram Dice keeps them at or below 0.66 and still gives 1.0 to the two Caritas
 * records and 0.857 to the two "Internationaler Frauentreff" actors (difflib: 0.941).
 */
final class Names {

    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LEADING_LETTERS = Pattern.compile("^[a-z]+");

    private static final Set<String> LEGAL_FORMS = Set.of("ev", "ggmbh", "gmbh", "mbh", "ag", "eg", "kg", "gbr", "ug",
            "kdoer", "ggmbhco");

    /** Words too common to tell organisations apart; they stay in the compact name but never form a block. */
    private static final Set<String> STOP_WORDS = Set.of("der", "die", "das", "des", "dem", "den", "fuer", "und",
            "im", "in", "am", "an", "auf", "von", "vom", "zu", "zur", "zum", "mit", "e", "v");

    private Names() {
    }

    /** Lower case, umlauts as ae/oe/ue, ß as ss, other diacritics removed. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The words of a name without qualifiers in parentheses and without legal forms. */
    static List<String> tokens(String name) {
        String text = PARENTHESES.matcher(fold(name)).replaceAll(" ").replace("e.v.", " ").replace("-", "");
        List<String> tokens = new ArrayList<>();
        for (String token : NON_ALPHANUMERIC.split(text)) {
            if (!token.isEmpty() && !LEGAL_FORMS.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The words of a name that can form a blocking key. */
    static List<String> blockingTokens(String name) {
        return tokens(name).stream().filter(t -> t.length() > 2 && !STOP_WORDS.contains(t)).distinct().toList();
    }

    /** The normalised name as one string. */
    static String compact(String name) {
        return String.join("", tokens(name));
    }

    /** An address as a comparable string: folded, qualifiers removed, "Straße"/"Str." alike, no punctuation. */
    static @Nullable String address(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String text = PARENTHESES.matcher(fold(address)).replaceAll(" ").replace("strasse", "str").replace("str.", "str");
        String normal = NON_ALPHANUMERIC.matcher(text).replaceAll("");
        return normal.isEmpty() ? null : normal;
    }

    /** An identifier as a comparable string (register, number and court, without spaces or punctuation). */
    static String identifier(String identifier) {
        return NON_ALPHANUMERIC.matcher(fold(identifier)).replaceAll("");
    }

    /**
     * The register an identifier belongs to: its leading letters and its parenthesised part, e.g.
     * "VR 1017 (Amtsgericht Auenstadt)" → {@code vr|amtsgerichtauenstadt}. Two records with identifiers of the same
     * register but no identifier in common are two registered organisations.
     */
    static String scheme(String identifier) {
        String folded = fold(identifier).strip();
        var letters = LEADING_LETTERS.matcher(folded);
        String prefix = letters.find() ? letters.group() : "";
        var parentheses = PARENTHESES.matcher(folded);
        String qualifier = parentheses.find() ? NON_ALPHANUMERIC.matcher(parentheses.group()).replaceAll("") : "";
        return prefix + "|" + qualifier;
    }

    /** Dice coefficient of the character trigrams (padded at both ends) of two compact names, 0..1. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0.0 : 1.0;
        }
        Map<String, Integer> first = trigrams(a);
        Map<String, Integer> second = trigrams(b);
        int common = 0;
        for (Map.Entry<String, Integer> entry : first.entrySet()) {
            common += Math.min(entry.getValue(), second.getOrDefault(entry.getKey(), 0));
        }
        int total = a.length() + 1 + b.length() + 1;
        return 2.0 * common / total;
    }

    private static Map<String, Integer> trigrams(String text) {
        String padded = "  " + text + " ";
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            counts.merge(padded.substring(i, i + 3), 1, Integer::sum);
        }
        return counts;
    }
}
