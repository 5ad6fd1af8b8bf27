package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

/** The {@code Date} scalar: ISO-8601 calendar dates, stored as Neo4j dates. */
final class DateScalar {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("Date")
            .description("An ISO-8601 calendar date, e.g. 2026-12-01.").coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    if (value instanceof String s) {
                        return parse(s, CoercingSerializeException::new).toString();
                    }
                    throw new CoercingSerializeException("Not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String s) {
                        return parse(s, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("Datum als Text JJJJ-MM-TT erwartet (expected a date string YYYY-MM-DD).");
                }

                @Override
                public @Nullable LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                                        Locale locale) {
                    if (input instanceof StringValue s) {
                        return parse(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("Datum als Text JJJJ-MM-TT erwartet (expected a date string YYYY-MM-DD).");
                }

                @Override
                public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                    return StringValue.of(serialize(input, context, locale));
                }
            }).build();

    private DateScalar() {
    }

    private static <E extends RuntimeException> LocalDate parse(String text, java.util.function.Function<String, E> error) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("Ungültiges Datum '" + text + "', erwartet JJJJ-MM-TT (invalid date, expected YYYY-MM-DD).");
        }
    }
}
