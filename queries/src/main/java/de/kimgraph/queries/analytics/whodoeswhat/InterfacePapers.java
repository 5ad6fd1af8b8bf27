package de.kimgraph.queries.analytics.whodoeswhat;

import de.kimgraph.queries.analytics.LeadRoles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import de.kimgraph.model.spec.Terms;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.AssociationEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.BodyEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.ServiceEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.UnitEntry;
import org.jspecify.annotations.Nullable;

/**
 * Writes the four interface papers (DOMAIN.md §1) from a {@link WhoDoesWhatReport}: one table each, German column
 * names with the English in brackets, as Markdown or as CSV.
 *
 * <p>CSV follows RFC 4180 with the semicolon as separator, because German spreadsheet programs split on it by
 * default (the comma is the decimal separator there): every value in double quotes, quotes doubled, CRLF line ends,
 * a header row. Values that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) get a
 * leading apostrophe (OWASP "CSV injection"). Lists inside one cell are joined with "; ". The text carries no byte
 * order mark; the REST download adds one so that spreadsheet programs read it as UTF-8.
 *
 * <ul>
 *   <li>{@link Paper#NETWORKS}: the bodies (type, fields, area, lead, members, rhythm, status, contact);</li>
 *   <li>{@link Paper#RESPONSIBILITIES}: the responsible units (legal domains, services, why, seat, contact);</li>
 *   <li>{@link Paper#PROJECTS_AND_CONTACTS}: services that are time-limited or projects, and contact points, with
 *       their end and funding;</li>
 *   <li>{@link Paper#ASSOCIATIONS}: welfare associations, free providers, MSOs, initiatives and the like.</li>
 * </ul>
 */
public final class InterfacePapers {

    private static final DateTimeFormatter DATE_DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String LIST = "; ";

    private InterfacePapers() {
    }

    /** One table: column names and rows of cell texts. */
    public record Table(List<String> columns, List<List<String>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    public static String render(WhoDoesWhatReport report, Paper paper, PaperFormat format) {
        Table table = table(report, paper);
        return format == PaperFormat.CSV ? csv(table) : markdown(report, paper, table);
    }

    /** The file name, e.g. {@code Schnittstellenpapier-Netzwerke_999990000000_2026-12-01.md}. */
    public static String fileName(Paper paper, PaperFormat format, String area, LocalDate asOf, boolean umlauts) {
        return "Schnittstellenpapier-" + (umlauts ? paper.fileStemDe() : paper.fileStem()) + "_" + area + "_" + asOf
                + "." + format.extension();
    }

    public static Table table(WhoDoesWhatReport report, Paper paper) {
        return switch (paper) {
            case NETWORKS -> networks(report);
            case RESPONSIBILITIES -> responsibilities(report);
            case PROJECTS_AND_CONTACTS -> projectsAndContacts(report);
            case ASSOCIATIONS -> associations(report);
        };
    }

    private static Table networks(WhoDoesWhatReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (BodyEntry b : report.bodies()) {
            rows.add(List.of(
                    text(b.body().get("name")),
                    term("BodyType", b.body().get("type")),
                    labels(b.fields()),
                    names(b.areas()),
                    b.leads().stream().map(m -> LeadRoles.de(text(m.get("role"))) + ": " + text(m.get("actorName")))
                            .collect(Collectors.joining(LIST)),
                    Long.toString(b.memberCount()),
                    term("MeetingFrequency", b.body().get("meetingFrequency")),
                    term("BodyStatus", b.body().get("status")),
                    contacts(b.contacts(), List.of()),
                    text(b.body().get("key"))));
        }
        return new Table(List.of("Gremium (body)", "Art (type)", "Handlungsfelder (fields of action)", "Gebiet (area)",
                "Leitung (lead)", "Mitglieder (members)", "Rhythmus (meetings)", "Status (status)",
                "Kontakt (contact)", "Schlüssel (key)"), rows);
    }

    private static Table responsibilities(WhoDoesWhatReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (UnitEntry u : report.units()) {
            rows.add(List.of(
                    text(u.actor().get("name")),
                    term("ActorKind", u.actor().get("kind")),
                    labels(u.legalDomains()),
                    names(u.services()),
                    u.reasons().stream().map(InterfacePapers::reasonDe).collect(Collectors.joining(LIST)),
                    names(u.basedIn()),
                    contacts(u.contacts(), List.of(u.actor())),
                    text(u.actor().get("key"))));
        }
        return new Table(List.of("Einheit (unit)", "Art (kind)", "Rechtskreise (legal domains)",
                "Angebote (services)", "Zuständig weil (responsible because)", "Sitz (based in)", "Kontakt (contact)",
                "Schlüssel (key)"), rows);
    }

    private static Table projectsAndContacts(WhoDoesWhatReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (ServiceEntry s : report.services()) {
            Object form = s.service().get("form");
            boolean project = Boolean.TRUE.equals(s.service().get("timeLimited")) || "PROJECT".equals(form);
            boolean contactPoint = "CONTACT_POINT".equals(form);
            if (!project && !contactPoint) {
                continue;
            }
            List<String> category = new ArrayList<>();
            if (project) {
                category.add("Befristetes Projekt (time-limited project)");
            }
            if (contactPoint) {
                category.add("Anlaufstelle (contact point)");
            }
            rows.add(List.of(
                    text(s.service().get("name")),
                    String.join(LIST, category),
                    term("ServiceForm", form),
                    names(s.providers()),
                    labels(s.fields()),
                    labels(s.targetGroups()),
                    names(s.areas()),
                    s.service().get("validTo") instanceof LocalDate until ? DATE_DE.format(until) : "",
                    s.programmes().stream().map(InterfacePapers::programme).collect(Collectors.joining(LIST)),
                    contacts(s.contacts(), s.providers()),
                    text(s.service().get("key"))));
        }
        return new Table(List.of("Angebot (service)", "Kategorie (category)", "Form (form)", "Träger (provider)",
                "Handlungsfelder (fields of action)", "Zielgruppen (target groups)", "Gebiet (area)",
                "Befristet bis (until)", "Förderung (funding)", "Kontakt (contact)", "Schlüssel (key)"), rows);
    }

    private static Table associations(WhoDoesWhatReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (AssociationEntry a : report.associations()) {
            rows.add(List.of(
                    text(a.actor().get("name")),
                    term("ActorKind", a.actor().get("kind")),
                    names(a.basedIn()),
                    names(a.services()),
                    names(a.bodies()),
                    contacts(a.contacts(), List.of(a.actor())),
                    text(a.actor().get("website")),
                    text(a.actor().get("key"))));
        }
        return new Table(List.of("Verein/Verband (association)", "Art (kind)", "Sitz (based in)",
                "Angebote (services)", "Gremien (bodies)", "Kontakt (contact)", "Website (website)",
                "Schlüssel (key)"), rows);
    }

    /** Role contacts ("title (actor): mail, phone"); without roles the functional channels of the actors. */
    private static String contacts(List<Map<String, Object>> roles, List<Map<String, Object>> actors) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> role : roles) {
            lines.add(text(role.get("title")) + " (" + text(role.get("actorName")) + ")" + channels(role));
        }
        if (lines.isEmpty()) {
            for (Map<String, Object> actor : actors) {
                String channels = channels(actor);
                if (!channels.isEmpty()) {
                    lines.add(text(actor.get("name")) + channels);
                }
            }
        }
        return String.join(LIST, lines);
    }

    private static String channels(Map<String, Object> item) {
        List<String> channels = new ArrayList<>();
        if (item.get("email") != null) {
            channels.add(text(item.get("email")));
        }
        if (item.get("phone") != null) {
            channels.add(text(item.get("phone")));
        }
        return channels.isEmpty() ? "" : ": " + String.join(", ", channels);
    }

    private static String programme(Map<String, Object> p) {
        String end = p.get("periodEnd") instanceof LocalDate d ? " bis " + DATE_DE.format(d) : "";
        String share = p.get("share") instanceof Number n ? ", " + Math.round(n.doubleValue() * 100) + " %" : "";
        return text(p.get("name")) + " (" + (end.isEmpty() ? "ohne Enddatum" : end.strip()) + share + ")";
    }

    private static String reasonDe(String reason) {
        return switch (reason) {
            case "PROVIDES_SERVICE" -> "Träger passender Angebote (provides matching services)";
            case "WORKS_UNDER_LEGAL_DOMAIN" -> "arbeitet im Rechtskreis (works under the legal domain)";
            default -> reason;
        };
    }


    private static String term(String vocabulary, @Nullable Object key) {
        if (key == null) {
            return "";
        }
        return Terms.get().term(vocabulary, key.toString()).map(Terms.Term::de).orElse(key.toString());
    }

    private static String labels(List<Map<String, Object>> vocabulary) {
        return vocabulary.stream().map(v -> text(v.getOrDefault("labelDe", v.get("key")))).collect(Collectors.joining(LIST));
    }

    private static String names(List<Map<String, Object>> items) {
        return items.stream().map(i -> text(i.getOrDefault("name", i.get("key")))).collect(Collectors.joining(LIST));
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    static String markdown(WhoDoesWhatReport report, Paper paper, Table table) {
        StringBuilder out = new StringBuilder();
        out.append("# Schnittstellenpapier: ").append(paper.titleDe()).append('\n');
        out.append("*Interface paper: ").append(paper.titleEn()).append("*\n\n");
        out.append("- Gebiet (area): ").append(cell(text(report.area().get("name")))).append(" (")
                .append(text(report.area().get("key"))).append(")\n");
        out.append("- Stichtag (as of): ").append(DATE_DE.format(report.asOf())).append('\n');
        List<String> filters = new ArrayList<>();
        report.filters().forEach((argument, record) -> filters.add(switch (argument) {
            case "field" -> "Handlungsfeld (field of action)";
            case "targetGroup" -> "Zielgruppe (target group)";
            default -> "Rechtskreis (legal domain)";
        } + " " + cell(text(record.get("labelDe"))) + " (" + text(record.get("key")) + ")"));
        if (!filters.isEmpty()) {
            out.append("- Filter: ").append(String.join(", ", filters)).append('\n');
        }
        out.append("- Quelle (source): kim-graph, am Stichtag gültige Einträge; Angebote und Gremien übergeordneter Gebiete "
                + "zählen mit (records valid on the date; services and bodies of enclosing areas included)\n\n");
        out.append("| ").append(table.columns().stream().map(InterfacePapers::cell).collect(Collectors.joining(" | ")))
                .append(" |\n");
        out.append("|").append(" --- |".repeat(table.columns().size())).append('\n');
        for (List<String> row : table.rows()) {
            out.append("| ").append(row.stream().map(InterfacePapers::cell).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        int n = table.rows().size();
        out.append('\n').append(n).append(n == 1 ? " Eintrag (entry).\n" : " Einträge (entries).\n");
        return out.toString();
    }

    /** A Markdown table cell: pipes and backslashes escaped, line breaks as spaces. */
    private static String cell(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    static String csv(Table table) {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(table.columns()));
        for (List<String> row : table.rows()) {
            out.append(csvLine(row));
        }
        return out.toString();
    }

    private static String csvLine(List<String> values) {
        return values.stream().map(InterfacePapers::csvValue).collect(Collectors.joining(";")) + "\r\n";
    }

    /** One CSV value: quoted, inner quotes doubled, formula triggers neutralised. */
    static String csvValue(@Nullable String value) {
        String v = Objects.requireNonNullElse(value, "");
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
