package de.kimgraph.api.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import de.kimgraph.api.security.Principals;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.graphql.execution.ErrorType;

/**
 * Allow-listed documents, the dashboards' queries: registered at start by the SHA-256 (hex) of their exact text,
 * parsed and validated once. A request names one with the Apollo persisted-query extension
 * ({@code "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "…"}}}, the {@code query} may then be
 * left out) or sends its text. Unlike Apollo's automatic persisted queries nothing is registered at run time, so
 * the list cannot be filled from outside: an unknown hash without text answers {@code PERSISTED_QUERY_NOT_FOUND}
 * (the client then sends the text, which runs as an ordinary operation).
 * <p>
 * Callers holding only the roles of {@code kimgraph.limits.persisted-only-roles} (e.g. {@code DASHBOARD}) may run
 * allow-listed documents only; anything else is {@code FORBIDDEN}.
 */
final class PersistedQueries implements PreparsedDocumentProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PersistedQueries.class);

    private static final ErrorClassification BAD_REQUEST = ErrorType.BAD_REQUEST;

    private final Map<String, String> documents;
    private final Set<AccessRole> persistedOnlyRoles;
    private final Map<String, PreparsedDocumentEntry> parsed = new ConcurrentHashMap<>();

    PersistedQueries(Map<String, String> documents, Set<AccessRole> persistedOnlyRoles) {
        this.documents = Map.copyOf(documents);
        this.persistedOnlyRoles = Set.copyOf(persistedOnlyRoles);
    }

    /** Reads the documents of the locations ({@code classpath:…/*.graphql}, {@code file:…}), keyed by hash. */
    static Map<String, String> load(ResourcePatternResolver resolver, List<String> locations) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    if (!resource.isReadable()) {
                        continue;
                    }
                    byte[] bytes = resource.getContentAsByteArray();
                    String hash = sha256(bytes);
                    documents.put(hash, new String(bytes, StandardCharsets.UTF_8));
                    LOG.info("Persisted query {} sha256 {}", resource.getFilename(), hash);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read persisted queries at " + location, e);
            }
        }
        return documents;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> hashes() {
        return documents.keySet();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(document(input, parseAndValidate));
    }

    private PreparsedDocumentEntry document(ExecutionInput input,
                                            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        boolean textSent = !query.isBlank() && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
        String textHash = textSent ? sha256(query.getBytes(StandardCharsets.UTF_8)) : null;
        Object requested = requestedHash(input);
        if (requested != null) {
            String hash = requested instanceof String h ? h.toLowerCase(java.util.Locale.ROOT) : "";
            if (!hash.matches("[0-9a-f]{64}")) {
                return error(BAD_REQUEST, "PERSISTED_QUERY_INVALID",
                        "extensions.persistedQuery.sha256Hash muss ein SHA-256-Wert (64 Hexadezimalziffern) sein.",
                        "extensions.persistedQuery.sha256Hash must be a SHA-256 value (64 hex digits).");
            }
            if (textHash != null && !textHash.equals(hash)) {
                return error(BAD_REQUEST, "PERSISTED_QUERY_HASH_MISMATCH",
                        "Der SHA-256-Wert passt nicht zum Text der Abfrage (query).",
                        "The SHA-256 hash does not match the text of the query.");
            }
            if (documents.containsKey(hash)) {
                return allowListed(hash, input, parseAndValidate);
            }
            if (!textSent) {
                return error(BAD_REQUEST, "PERSISTED_QUERY_NOT_FOUND",
                        "Keine freigegebene Abfrage mit diesem SHA-256-Wert (PersistedQueryNotFound); "
                                + "den Text der Abfrage mitsenden.",
                        "No allow-listed query with this SHA-256 hash (PersistedQueryNotFound); send the query text.");
            }
        } else if (textHash != null && documents.containsKey(textHash)) {
            return allowListed(textHash, input, parseAndValidate);
        } else if (!textSent) {
            return error(BAD_REQUEST, "QUERY_REQUIRED", "Die Anfrage enthält keine Abfrage (query).",
                    "The request carries no query.");
        }
        Principal principal;
        try {
            principal = Principals.of(input.getGraphQLContext());
        } catch (AccessDenied e) {
            return error(ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage(), e.messageEn());
        }
        if (!principal.roles().isEmpty() && persistedOnlyRoles.containsAll(principal.roles())) {
            return error(ErrorType.FORBIDDEN, "PERSISTED_QUERY_REQUIRED",
                    "Mit der Rolle " + principal.roles() + " sind nur freigegebene (persistierte) Abfragen erlaubt.",
                    "With the role " + principal.roles() + " only allow-listed (persisted) queries are allowed.");
        }
        return parseAndValidate.apply(input);
    }

    private PreparsedDocumentEntry allowListed(String hash, ExecutionInput input,
                                               Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return parsed.computeIfAbsent(hash,
                h -> parseAndValidate.apply(input.transform(builder -> builder.query(documents.get(h)))));
    }

    private static @Nullable Object requestedHash(ExecutionInput input) {
        Object persisted = input.getExtensions().get("persistedQuery");
        if (persisted instanceof Map<?, ?> map) {
            Object hash = map.get("sha256Hash");
            return hash == null ? "" : hash;
        }
        return null;
    }

    private static PreparsedDocumentEntry error(ErrorClassification classification, String code, String messageDe,
                                                String messageEn) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().errorType(classification).message(messageDe)
                .extensions(Map.of("code", code, "messageEn", messageEn)).build());
    }
}
