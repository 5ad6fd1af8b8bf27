package de.kimgraph.queries.analytics.duplicates;

import java.text.Normalizer;
import java.util.ArrayList;
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

    /**
     * The words of a name that can form a blocking key: the normalised words, and for hyphenated words also their
     * parts ("Caritas-Verband" gives {@code caritasverband}, {@code caritas} and {@code verband}).
     */
    static List<String> blockingTokens(String name) {
        List<String> words = new ArrayList<>(tokens(name));
        String text = PARENTHESES.matcher(fold(name)).replaceAll(" ").replace("e.v.", " ");
        for (String part : NON_ALPHANUMERIC.split(text)) {
            if (!part.isEmpty() && !LEGAL_FORMS.contains(part)) {
                words.add(part);
            }
        }
        return words.stream().filter(t -> t.length() > 2 && !STOP_WORDS.contains(t)).distinct().toList();
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
        return similarity(Trigrams.of(a), Trigrams.of(b));
    }

    static double similarity(Trigrams a, Trigrams b) {
        if (a.text().equals(b.text())) {
            return a.text().isEmpty() ? 0.0 : 1.0;
        }
        long[] x = a.codes();
        long[] y = b.codes();
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    /**
     * The trigrams of a compact name as sorted codes (three 16-bit characters in one long), computed once per record;
     * the common trigrams of two names (a multiset intersection) are then one merge of two sorted arrays.
     */
    record Trigrams(String text, long[] codes) {

        static Trigrams of(String text) {
            String padded = "  " + text + " ";
            long[] codes = new long[padded.length() - 2];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (long) padded.charAt(i) << 32 | (long) padded.charAt(i + 1) << 16 | padded.charAt(i + 2);
            }
            java.util.Arrays.sort(codes);
            return new Trigrams(text, codes);
        }
    }
}
