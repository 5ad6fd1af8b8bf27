package de.kimgraph.api.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.GraphExporter;
import de.kimgraph.exchange.Importer;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.write.UserError;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the GraphQL mutation and the REST endpoints share: who may import into which tenant, running an import
 * (every problem of the file, or the diff, or the written counts), what an export contains for whom, and the
 * templates. The formats are those of {@link Formats#all()}.
 *
 * <p><b>Import.</b> Coordinators import into their own tenant, operations ({@code ADMIN}) into any; every other role
 * is refused ({@link AccessDenied}, FORBIDDEN / 403) before the file is read. Records of the file that name another
 * tenant are refused by the loader ({@code FOREIGN_TENANT}), so a coordinator's file cannot reach into another
 * Kreis even when it says so. The import is recorded in the audit trail with the caller's subject, acting role,
 * tenant and comment.
 *
 * <p><b>Export.</b> Coordinators and administration of the exported tenant and operations get everything the
 * tenant owns, internal records and contact channels included. Everyone else (other tenants' coordinators,
 * dashboards, the Land, partners) gets the published records only, without contact channels: what every role may
 * read of another tenant anyway. A partner's finer view (its own organisation's internal records, its tenant's
 * contact channels) is not an export scope; partners export the public view.
 */
@Component
class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    /** What an import needs once the caller and the arguments are checked. */
    record Plan(Format format, @Nullable String tenant, DatasetLoader.Caller caller) {
    }

    /**
     * The outcome of an import: the result, or the problems of a file that does not validate, or the errors of the
     * arguments; in the last two cases nothing was written.
     */
    record Answer(@Nullable LoadResult result, List<Problem> problems, List<UserError> errors) {
        static Answer of(LoadResult result) {
            return new Answer(result, List.of(), List.of());
        }

        static Answer invalid(List<Problem> problems) {
            return new Answer(null, problems, List.of());
        }

        static Answer refused(List<UserError> errors) {
            return new Answer(null, List.of(), errors);
        }
    }

    /** Arguments of an import that cannot be used (unknown format, bad tenant, long comment …): nothing is read. */
    static final class Refused extends RuntimeException {
        private final List<UserError> errors;

        Refused(UserError error) {
            super(error.message());
            this.errors = List.of(error);
        }

        List<UserError> errors() {
            return errors;
        }
    }

    /** A file to download. */
    record File(String fileName, String mediaType, byte[] content) {
    }

    private final Driver driver;

    Exchange(Driver driver) {
        this.driver = driver;
    }

    List<Format> formats() {
        return Formats.all();
    }

    /** The format, or 404 naming the known ones. */
    static Format format(String id) {
        return Formats.find(id).orElseThrow(() -> new ExchangeError(HttpStatus.NOT_FOUND, "UNKNOWN_FORMAT", "format",
                unknownFormatDe(id), unknownFormatEn(id)));
    }

    static String unknownFormatDe(String id) {
        return "Unbekanntes Format " + id + "; verfügbar sind: " + ids() + ".";
    }

    static String unknownFormatEn(String id) {
        return "Unknown format " + id + "; available: " + ids() + ".";
    }

    private static String ids() {
        return String.join(", ", Formats.all().stream().map(Format::id).toList());
    }

    // ------------------------------------------------------------------ import

    /**
     * Checks who imports what before anything is read.
     *
     * @param prefix how the arguments are named to the caller: {@code input.} in GraphQL, empty in REST
     * @throws AccessDenied for roles that do not import, and for a coordinator naming another tenant
     * @throws Refused      for a format that cannot be read, a malformed tenant or a comment that is too long
     */
    Plan plan(Principal principal, Format format, @Nullable String tenant, @Nullable String comment, String prefix) {
        boolean admin = principal.has(AccessRole.ADMIN);
        if (!admin && !(principal.has(AccessRole.COORDINATOR) && principal.tenant() != null)) {
            throw new AccessDenied("Die Rolle " + principal.actingRole().labelDe() + " darf keine Dateien importieren;"
                    + " das dürfen die Koordination (eigener Mandant) und der Betrieb.",
                    "The role " + principal.actingRole() + " may not import files; coordinators (their own tenant)"
                            + " and operations (ADMIN) may.");
        }
        String given = tenant == null || tenant.isBlank() ? null : tenant.strip();
        if (!admin && given != null && !given.equals(principal.tenant())) {
            throw new AccessDenied("Importe gehen in den eigenen Mandanten " + principal.tenant() + ", nicht in "
                    + given + " (" + prefix + "tenant).", "Imports go into the caller's own tenant "
                    + principal.tenant() + ", not into " + given + " (" + prefix + "tenant).");
        }
        if (given != null && !given.matches("\\d{12}")) {
            throw new Refused(new UserError("INVALID_VALUE", prefix + "tenant",
                    "Der Mandant muss ein 12-stelliger Regionalschlüssel (ARS) sein.",
                    "The tenant must be a 12-digit regional key (ARS)."));
        }
        if (comment != null && comment.length() > AuditEvent.MAX_COMMENT) {
            throw new Refused(new UserError("TOO_LONG", "comment", "Kommentar: höchstens " + AuditEvent.MAX_COMMENT
                    + " Zeichen, angegeben " + comment.length() + ".", "Comment: at most " + AuditEvent.MAX_COMMENT
                    + " characters allowed, got " + comment.length() + "."));
        }
        if (!format.readable()) {
            throw new Refused(new UserError("FORMAT_NOT_READABLE", prefix + "format", "Das Format " + format.id()
                    + " kann nur exportiert werden.", "Format " + format.id() + " is export only."));
        }
        String into = admin ? (given != null ? given : principal.tenant()) : principal.tenant();
        DatasetLoader.Caller caller = new DatasetLoader.Caller(principal.subject(), principal.actingRole().name(),
                principal.tenant(), comment == null || comment.isBlank() ? null : comment);
        return new Plan(format, into, caller);
    }

    /**
     * Reads the file and loads it, or in a dry run reports the diff; progress goes to the log.
     *
     * @param source the file name the caller gave, which becomes the {@code source} of records without one; null
     *               when none was given (then the records' own or none)
     * @throws IOException when the upload cannot be read to its end (e.g. over the size limit)
     */
    Answer run(Plan plan, String fileName, @Nullable String source, InputStream in, boolean dryRun) throws IOException {
        String who = plan.caller().subject() + " (" + plan.caller().role() + ")";
        Importer importer = new Importer(driver, line -> LOG.info("Import {} von/by {}: {}", fileName, who, line));
        try {
            LoadResult result = importer.run(plan.format(), fileName, in, new ReadOptions(plan.tenant(), source, null),
                    plan.caller(), dryRun);
            return Answer.of(result);
        } catch (DatasetException e) {
            LOG.info("Import {} von/by {}: {} Fehler/problems, nichts geschrieben/nothing written", fileName, who,
                    e.problems().size());
            return Answer.invalid(e.problems());
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * What {@code principal} exports of {@code tenant}: everything for the tenant's coordination and administration
     * and for operations, otherwise the published records without contact channels (see the class comment).
     */
    static ExportScope scope(Principal principal, String tenant, @Nullable String area, @Nullable LocalDate asOf) {
        boolean own = tenant.equals(principal.tenant())
                && (principal.has(AccessRole.COORDINATOR) || principal.has(AccessRole.ADMINISTRATION));
        boolean full = principal.has(AccessRole.ADMIN) || own;
        return new ExportScope(tenant, area, asOf, full, full);
    }

    /**
     * Exports a tenant, or the part of it in an area, on a day or with its whole history.
     *
     * @throws ExchangeError 404 for an unknown format, 400 for a bad tenant, area or asOf
     */
    File export(Principal principal, String formatId, @Nullable String tenant, @Nullable String area,
                @Nullable String asOf) throws IOException {
        Format format = format(formatId);
        String which = blankToNull(tenant);
        if (which == null) {
            which = principal.tenant();
        }
        if (which == null) {
            throw ExchangeError.badParameter("tenant", "Parameter tenant fehlt: Ihr Token nennt keinen Mandanten.",
                    "Parameter tenant is missing: your token names no tenant.");
        }
        if (!which.matches("\\d{12}")) {
            throw ExchangeError.badParameter("tenant", "Parameter tenant muss ein 12-stelliger Regionalschlüssel"
                    + " (ARS) sein: " + abbreviate(which) + ".", "Parameter tenant must be a 12-digit regional key"
                    + " (ARS): " + abbreviate(which) + ".");
        }
        String inside = blankToNull(area);
        if (inside != null && (!inside.matches("\\d{12}") || !areaExists(principal.readRule(), inside))) {
            throw ExchangeError.badParameter("area", "Parameter area ist kein bekanntes Gebiet (ARS): "
                    + abbreviate(inside) + ".", "Parameter area is not a known area (ARS): " + abbreviate(inside) + ".");
        }
        LocalDate day = date(asOf);
        ExportScope scope = scope(principal, which, inside, day);
        long started = System.nanoTime();
        Snapshot snapshot = new GraphExporter(driver).export(scope);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(snapshot, out);
        LOG.info("Export {} {} von/by {} ({}): {} Knoten/nodes, {} Beziehungen/relationships, {} Bytes, {} ms",
                format.id(), scope, principal.subject(), principal.actingRole(), snapshot.dataset().nodes().size(),
                snapshot.dataset().relationships().size(), out.size(), (System.nanoTime() - started) / 1_000_000);
        String name = "kim-graph-" + which + (inside == null ? "" : "-" + inside) + (day == null ? "" : "-" + day)
                + "." + format.extension();
        return new File(name, format.mediaType(), out.toByteArray());
    }

    /** The empty template of a format; 404 for an unknown format or one without a template. */
    File template(String formatId) throws IOException {
        Format format = format(formatId);
        if (!format.hasTemplate()) {
            throw new ExchangeError(HttpStatus.NOT_FOUND, "NO_TEMPLATE", "format", "Das Format " + format.id()
                    + " hat keine Vorlage; Vorlagen gibt es für: " + templateIds() + ".", "Format " + format.id()
                    + " has no template; templates exist for: " + templateIds() + ".");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writeTemplate(out);
        return new File("kim-graph-vorlage." + format.extension(), format.mediaType(), out.toByteArray());
    }

    private static String templateIds() {
        List<String> ids = Formats.all().stream().filter(Format::hasTemplate).map(Format::id).toList();
        return ids.isEmpty() ? "(keine/none)" : String.join(", ", ids);
    }

    private boolean areaExists(ReadRule rule, String area) {
        Map<String, Object> parameters = new java.util.HashMap<>(rule.parameters());
        parameters.put("area", area);
        try (var session = driver.session(SessionConfig.builder()
                .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
            return session.executeRead(tx -> tx.run("MATCH (a:Area {key: $area}) WHERE " + rule.readable("a")
                    + " RETURN count(a) > 0 AS found", parameters).single().get("found").asBoolean());
        }
    }

    private static @Nullable LocalDate date(@Nullable String asOf) {
        String text = blankToNull(asOf);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ExchangeError.badParameter("asOf", "Parameter asOf ist kein Datum (JJJJ-MM-TT): " + abbreviate(text)
                    + ".", "Parameter asOf is not a date (YYYY-MM-DD): " + abbreviate(text) + ".");
        }
    }

    /**
     * The file name to show in locations and the log: without control characters and paths, at most 200
     * characters; {@code import.<extension>} when none was given.
     */
    static String fileName(@Nullable String given, Format format) {
        String name = blankToNull(given);
        if (name == null) {
            return "import." + format.extension();
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name.isEmpty() ? "import." + format.extension() : name;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String abbreviate(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Objects.requireNonNull(shown);
    }
}
