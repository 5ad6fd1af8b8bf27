package de.kimgraph.api.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST upload, under {@code kimgraph.exchange}.
 *
 * @param maxUploadSize largest file {@code POST /imports/{format}} accepts, as the raw body or the multipart part
 *                      {@code file} (the multipart limits {@code spring.servlet.multipart.*} follow it); the GraphQL
 *                      mutation stays under the 100 KB limit of {@code /graphql}
 */
@ConfigurationProperties("kimgraph.exchange")
public record ExchangeProperties(@DefaultValue("64MB") DataSize maxUploadSize) {
}
