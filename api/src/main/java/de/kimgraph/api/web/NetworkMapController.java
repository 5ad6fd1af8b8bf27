package de.kimgraph.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the network map (Netzwerkkarte, module {@code web}) under {@code /karte/}: its static files come from the
 * web jar's {@code META-INF/resources/karte/}; the page signs in and calls {@code /graphql} with the user's token.
 */
@Controller
class NetworkMapController {

    @GetMapping("/karte")
    String withoutSlash() {
        return "redirect:/karte/";
    }

    @GetMapping("/karte/")
    String page() {
        return "forward:/karte/index.html";
    }
}
