package de.kimgraph.api.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.security.Principals;
import de.kimgraph.exchange.Format;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.write.UserError;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Files over REST, for everything that does not fit into a GraphQL request:
 * <ul>
 *   <li>{@code POST /imports/{format}?dryRun=true|false&tenant=&comment=&fileName=&changes=}: the file as the raw
 *   body, or as the multipart part {@code file} (its file name is taken); {@code dryRun} defaults to true. The
 *   answer has the shape of GraphQL's {@code ImportPayload}: 200 with {@code result}, 422 with {@code problems}
 *   when the file does not validate (nothing written), 400 with {@code errors} (code, field, message, messageEn)
 *   for bad arguments; 403 for roles that do not import, 404 for an unknown format, 413 over
 *   {@code kimgraph.exchange.max-upload-size} (64 MB) answer with an error as below.</li>
 *   <li>{@code GET /exports/{format}?tenant=&area=&asOf=}: the file as an attachment
 *   {@code kim-graph-<tenant>[-<area>][-<asOf>].<ext>}; what it contains depends on the caller (see
 *   {@link Exchange}).</li>
 *   <li>{@code GET /templates/{format}}: the empty template ({@code kim-graph-vorlage.<ext>}); open without a
 *   token, since it holds no data.</li>
 * </ul>
 * Errors are JSON {@code {"errors": [{"message", "extensions": {"classification", "status", "code", "parameter",
 * "messageEn"}}]}}, like the token errors of the resource server.
 */
@RestController
class ExchangeController {

    private final Exchange exchange;
    private final long maxUploadSize;

    ExchangeController(Exchange exchange, ExchangeProperties properties) {
        this.exchange = exchange;
        this.maxUploadSize = properties.maxUploadSize().toBytes();
    }

    // ------------------------------------------------------------------ import

    /**
     * The raw body. The parameters are read from the query string only: a body sent as
     * {@code application/x-www-form-urlencoded} (curl's default for {@code --data-binary}) would otherwise be parsed
     * as form fields by the servlet container and be gone.
     */
    @PostMapping("/imports/{format}")
    ResponseEntity<Map<String, @Nullable Object>> importBody(@PathVariable String format, HttpServletRequest request)
            throws IOException {
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString())
                .build().getQueryParams();
        Parameters parameters = new Parameters(decoded(query, "dryRun"), decoded(query, "tenant"),
                decoded(query, "comment"), decoded(query, "fileName"), decoded(query, "changes"));
        long declared = request.getContentLengthLong();
        if (declared > maxUploadSize) {
            throw tooLarge(declared);
        }
        return run(format, parameters, null, new Limited(request.getInputStream(), maxUploadSize));
    }

    /** The multipart part {@code file}. */
    @PostMapping(path = "/imports/{format}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, @Nullable Object>> importPart(@PathVariable String format,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String dryRun,
            @RequestParam(required = false) @Nullable String tenant,
            @RequestParam(required = false) @Nullable String comment,
            @RequestParam(required = false) @Nullable String fileName,
            @RequestParam(required = false) @Nullable String changes) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return run(format, new Parameters(dryRun, tenant, comment, fileName, changes), file.getOriginalFilename(),
                    in);
        }
    }

    private record Parameters(@Nullable String dryRun, @Nullable String tenant, @Nullable String comment,
                              @Nullable String fileName, @Nullable String changes) {
    }

    private ResponseEntity<Map<String, @Nullable Object>> run(String formatId, Parameters parameters,
            @Nullable String partName, InputStream in) throws IOException {
        Format format = Exchange.format(formatId);
        boolean dryRun;
        int first;
        Exchange.Plan plan;
        try {
            dryRun = flag(parameters.dryRun());
            first = changes(parameters.changes());
            plan = exchange.plan(Principals.current(), format, parameters.tenant(), parameters.comment(), "");
        } catch (Exchange.Refused e) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(ImportView.payload(Exchange.Answer.refused(e.errors()), 0));
        }
        String given = Exchange.blankToNull(parameters.fileName()) != null ? parameters.fileName() : partName;
        String fileName = Exchange.fileName(given, format);
        Exchange.Answer answer;
        try {
            answer = exchange.run(plan, fileName, Exchange.blankToNull(given) == null ? null : fileName, in, dryRun);
        } catch (IOException | RuntimeException e) {
            TooLarge tooLarge = tooLarge(e);
            if (tooLarge != null) {
                throw tooLarge(tooLarge.read);
            }
            throw e;
        }
        HttpStatus status = answer.result() != null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ImportView.payload(answer, first));
    }

    private static boolean flag(@Nullable String dryRun) {
        String value = Exchange.blankToNull(dryRun);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new Exchange.Refused(new UserError("INVALID_VALUE", "dryRun", "Parameter dryRun ist true oder false,"
                + " nicht " + Exchange.abbreviate(value) + ".", "Parameter dryRun is true or false, not "
                + Exchange.abbreviate(value) + "."));
    }

    private static int changes(@Nullable String changes) {
        String value = Exchange.blankToNull(changes);
        if (value == null) {
            return LoadResult.MAX_CHANGES;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= LoadResult.MAX_CHANGES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Exchange.Refused(new UserError("INVALID_VALUE", "changes", "Parameter changes: 0 bis "
                + LoadResult.MAX_CHANGES + ", nicht " + Exchange.abbreviate(value) + ".", "Parameter changes: 0 to "
                + LoadResult.MAX_CHANGES + ", not " + Exchange.abbreviate(value) + "."));
    }

    private static @Nullable String decoded(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? null : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private ExchangeError tooLarge(long actual) {
        return new ExchangeError(HttpStatus.CONTENT_TOO_LARGE, "REQUEST_SIZE", "file", "Die Datei ist zu groß: "
                + (actual > maxUploadSize ? actual + " Bytes" : "mehr als " + maxUploadSize + " Bytes")
                + ", erlaubt sind höchstens " + maxUploadSize + " Bytes (kimgraph.exchange.max-upload-size).",
                "The file is too large: " + (actual > maxUploadSize ? actual + " bytes" : "more than " + maxUploadSize
                + " bytes") + ", at most " + maxUploadSize + " bytes are allowed (kimgraph.exchange.max-upload-size).");
    }

    private static @Nullable TooLarge tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** Over the upload limit while reading a body without (or with a false) declared length. */
    private static final class TooLarge extends IOException {
        final long read;

        TooLarge(long read) {
            super("upload over the size limit");
            this.read = read;
        }
    }

    /** Reads at most {@code limit} bytes, then fails with {@link TooLarge}. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(read);
            }
        }
    }

    // ------------------------------------------------------------------ export, template

    @GetMapping("/exports/{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) @Nullable String tenant,
                                  @RequestParam(required = false) @Nullable String area,
                                  @RequestParam(required = false) @Nullable String asOf) throws IOException {
        return attachment(exchange.export(Principals.current(), format, tenant, area, asOf));
    }

    @GetMapping("/templates/{format}")
    ResponseEntity<byte[]> template(@PathVariable String format) throws IOException {
        return attachment(exchange.template(format));
    }

    private static ResponseEntity<byte[]> attachment(Exchange.File file) {
        MediaType type = MediaType.parseMediaType(file.mediaType());
        if (type.getType().equals("text") || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                || type.getSubtype().endsWith("xml")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .body(file.content());
    }

    // ------------------------------------------------------------------ errors

    @ExceptionHandler(ExchangeError.class)
    ResponseEntity<Map<String, Object>> error(ExchangeError e) {
        return error(e.status(), e.code(), e.parameter(), e.getMessage(), e.messageEn());
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDenied e) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", null, e.getMessage(), e.messageEn());
    }

    /** A multipart upload without the part {@code file}: an argument error in the payload shape. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, @Nullable Object>> missingFile(MissingServletRequestPartException e) {
        UserError error = new UserError("REQUIRED", e.getRequestPartName(), "Der Teil " + e.getRequestPartName()
                + " mit der Datei fehlt (multipart/form-data).", "The part " + e.getRequestPartName()
                + " with the file is missing (multipart/form-data).");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(ImportView.payload(Exchange.Answer.refused(List.of(error)), 0));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        ExchangeError error = tooLarge(-1);
        return error(error);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, @Nullable String parameter,
                                                             String messageDe, String messageEn) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", status == HttpStatus.FORBIDDEN ? "FORBIDDEN"
                : status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : "BAD_REQUEST");
        extensions.put("status", status.value());
        extensions.put("code", code);
        if (parameter != null) {
            extensions.put("parameter", parameter);
        }
        extensions.put("messageEn", messageEn);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", messageDe);
        error.put("extensions", extensions);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(error)));
    }
}
