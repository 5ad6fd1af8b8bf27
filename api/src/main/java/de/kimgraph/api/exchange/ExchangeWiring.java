package de.kimgraph.api.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.security.Principals;
import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import de.kimgraph.queries.write.UserError;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires {@code Query.exchangeFormats} and {@code Mutation.importData} (exchange.graphqls). The file comes as text or
 * Base64 inside the request, so it is bounded by the 100 KB body limit of {@code /graphql}; larger files go to
 * {@code POST /imports/{format}}.
 */
@Component
class ExchangeWiring implements RuntimeWiringConfigurer {

    private final Exchange exchange;

    ExchangeWiring(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("exchangeFormats", env -> exchange.formats().stream()
                .map(ExchangeWiring::format).toList()));
        wiring.type("Mutation", type -> type.dataFetcher("importData", this::importData));
        wiring.type("ImportResult", type -> type.dataFetcher("changes", ExchangeWiring::changes));
    }

    static Map<String, Object> format(Format format) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", format.id());
        map.put("labelDe", format.labelDe());
        map.put("mediaType", format.mediaType());
        map.put("extension", format.extension());
        map.put("readable", format.readable());
        map.put("hasTemplate", format.hasTemplate());
        return map;
    }

    private Map<String, @Nullable Object> importData(DataFetchingEnvironment env) throws IOException {
        Map<String, Object> input = env.getArgument("input");
        String formatId = String.valueOf(input.get("format"));
        Format format = Formats.find(formatId).orElse(null);
        if (format == null) {
            return refused(new UserError("UNKNOWN_FORMAT", "input.format", Exchange.unknownFormatDe(formatId),
                    Exchange.unknownFormatEn(formatId)));
        }
        Exchange.Plan plan;
        try {
            plan = exchange.plan(Principals.of(env), format, (String) input.get("tenant"), env.getArgument("comment"),
                    "input.");
        } catch (Exchange.Refused e) {
            return ImportView.payload(Exchange.Answer.refused(e.errors()), LoadResult.MAX_CHANGES);
        }
        byte[] content;
        String text = String.valueOf(input.get("content"));
        if ("BASE64".equals(String.valueOf(input.get("encoding")))) {
            try {
                content = Base64.getDecoder().decode(text.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                return refused(new UserError("INVALID_VALUE", "input.content", "Der Inhalt ist kein gültiges Base64.",
                        "The content is not valid Base64."));
            }
        } else {
            content = text.getBytes(StandardCharsets.UTF_8);
        }
        String given = (String) input.get("fileName");
        String fileName = Exchange.fileName(given, format);
        boolean dryRun = !Boolean.FALSE.equals(input.get("dryRun"));
        Exchange.Answer answer = exchange.run(plan, fileName, Exchange.blankToNull(given) == null ? null : fileName,
                new ByteArrayInputStream(content), dryRun);
        return ImportView.payload(answer, LoadResult.MAX_CHANGES);
    }

    private static Map<String, @Nullable Object> refused(UserError error) {
        return ImportView.payload(Exchange.Answer.refused(List.of(error)), LoadResult.MAX_CHANGES);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> changes(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        int n = first == null ? LoadResult.MAX_CHANGES : first;
        if (n < 0 || n > LoadResult.MAX_CHANGES) {
            throw new UnsupportedFilterException("first von ImportResult.changes: 0 bis " + LoadResult.MAX_CHANGES
                    + ", angegeben " + n + ".", "first of ImportResult.changes: 0 to " + LoadResult.MAX_CHANGES
                    + ", got " + n + ".");
        }
        List<Object> all = (List<Object>) ((Map<String, Object>) env.getSource()).get("changes");
        return all.subList(0, Math.min(n, all.size()));
    }
}
