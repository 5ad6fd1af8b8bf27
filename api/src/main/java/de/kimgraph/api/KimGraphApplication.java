package de.kimgraph.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The kim-graph service: GraphQL over the KIM network graph. */
@SpringBootApplication(scanBasePackages = "de.kimgraph")
public class KimGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(KimGraphApplication.class, args);
    }
}
