package de.kimgraph.exchange.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;

/**
 * Open Referral's Human Services Data Specification 3.1 as a tabular data package: a ZIP with
 * {@code datapackage.json} and one CSV per HSDS table (organizations, services, programs, service areas,
 * languages, funding, contacts, locations, taxonomies, taxonomy terms, attributes). Service directories read it;
 * kim-graph reads its own packages back and the organizations, services, programs and service areas of other
 * publishers.
 *
 * <p>HSDS describes services and who provides them; it cannot carry bodies, memberships, positions, agreements or
 * the relations between actors. Fields of action, target groups, legal domains and residence statuses travel as
 * taxonomy terms linked by attributes, service areas as official regional keys (ARS) in DCAT-AP.de's URI, and
 * every kim-graph field HSDS has no column for as an attribute with a value, so that our own packages read back
 * to the same records. The mapping is documented in {@code docs/import-export-hsds.md}.
 */
public final class HsdsFormat implements Format {

    private final Clock clock;

    public HsdsFormat() {
        this(Clock.systemDefaultZone());
    }

    /**
     * @param clock gives the day against which a service's validity becomes its HSDS {@code status} when the export
     *              has no {@code asOf}
     */
    public HsdsFormat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "hsds";
    }

    @Override
    public String labelDe() {
        return "Open Referral HSDS 3 (Datenpaket, ZIP)";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String extension() {
        return "zip";
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        return new HsdsReader(fileName, options).read(in);
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        new HsdsWriter(snapshot, LocalDate.now(clock)).write(out);
    }
}
