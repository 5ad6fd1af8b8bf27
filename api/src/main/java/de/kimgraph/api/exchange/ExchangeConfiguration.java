package de.kimgraph.api.exchange;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The upload limit of {@link ExchangeProperties} for multipart requests as well: the servlet container's multipart
 * limits (Spring Boot's default is 1 MB per file) follow {@code kimgraph.exchange.max-upload-size}, with 1 MB more
 * for the whole request (boundaries and the other form fields). Location and threshold stay those of
 * {@code spring.servlet.multipart.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
class ExchangeConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, ExchangeProperties exchange) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(multipart.getLocation());
        factory.setFileSizeThreshold(multipart.getFileSizeThreshold());
        factory.setMaxFileSize(exchange.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(exchange.maxUploadSize().toBytes() + DataSize.ofMegabytes(1).toBytes()));
        return factory.createMultipartConfig();
    }
}
