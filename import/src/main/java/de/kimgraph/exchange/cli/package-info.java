/** The command line for imports, exports and templates, for files too large or runs too long for a web request. */
@NullMarked
package de.kimgraph.exchange.cli;

import org.jspecify.annotations.NullMarked;
