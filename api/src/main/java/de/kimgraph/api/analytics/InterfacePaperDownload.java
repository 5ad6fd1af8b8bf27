package de.kimgraph.api.analytics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import de.kimgraph.api.security.Principals;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.whodoeswhat.InterfacePapers;
import de.kimgraph.queries.analytics.whodoeswhat.Paper;
import de.kimgraph.queries.analytics.whodoeswhat.PaperFormat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The interface papers as files: {@code GET /exports/interface-papers/{paper}.{md|csv}?area=…&asOf=…} with the
 * optional filters {@code field}, {@code targetGroup}, {@code legalDomain}; {@code paper} is {@code networks},
 * {@code responsibilities}, {@code projects-and-contacts} or {@code associations}. The answer is an attachment
 * with a German file name ({@code filename*} in UTF-8 with umlauts, {@code filename} transliterated); CSV starts
 * with a UTF-8 byte order mark, without which common spreadsheet programs read the umlauts as Latin-1.
 * Bad arguments answer 400 with a German/English message, an unknown paper or format 404.
 */
@RestController
class InterfacePaperDownload {

    private static final String BOM = "\uFEFF";

    private final WhoDoesWhat whoDoesWhat;

    InterfacePaperDownload(WhoDoesWhat whoDoesWhat) {
        this.whoDoesWhat = whoDoesWhat;
    }

    @GetMapping("/exports/interface-papers/{paper}.{extension}")
    ResponseEntity<String> download(@PathVariable String paper, @PathVariable String extension,
                                    @RequestParam String area, @RequestParam(required = false) @Nullable String asOf,
                                    @RequestParam(required = false) @Nullable String field,
                                    @RequestParam(required = false) @Nullable String targetGroup,
                                    @RequestParam(required = false) @Nullable String legalDomain) {
        Paper which;
        PaperFormat format;
        try {
            which = Paper.fromSlug(paper);
            format = PaperFormat.fromExtension(extension);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body("Unbekanntes Papier oder Format (unknown paper or format); möglich (possible): networks, "
                            + "responsibilities, projects-and-contacts, associations; md, csv\n");
        }
        LocalDate date = parse(asOf);
        WhoDoesWhatReport report = whoDoesWhat.find(Scope.of(area, date, Principals.current().readRule()), blankToNull(field), blankToNull(targetGroup),
                blankToNull(legalDomain));
        String text = InterfacePapers.render(report, which, format);
        String ascii = InterfacePapers.fileName(which, format, area, report.asOf(), false);
        String german = InterfacePapers.fileName(which, format, area, report.asOf(), true);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(german, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(format == PaperFormat.CSV ? BOM + text : text);
    }

    @ExceptionHandler(UnsupportedFilterException.class)
    ResponseEntity<String> badRequest(UnsupportedFilterException e) {
        return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(e.getMessage() + "\n");
    }

    private static @Nullable LocalDate parse(@Nullable String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new UnsupportedFilterException("asOf ist kein Datum (JJJJ-MM-TT): " + asOf + ".",
                    "asOf is not a date (YYYY-MM-DD): " + asOf + ".");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
