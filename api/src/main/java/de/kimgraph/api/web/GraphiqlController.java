package de.kimgraph.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the bundled GraphiQL page (scripts from WebJars, no CDN) under {@code /graphiql}. */
@Controller
class GraphiqlController {

    @GetMapping({"/graphiql", "/graphiql/", "/"})
    String graphiql() {
        return "redirect:/graphiql/index.html";
    }
}
