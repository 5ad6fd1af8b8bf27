/**
 * Open Referral HSDS 3 as a Tabular Data Package (a ZIP of {@code datapackage.json} and CSV tables): services,
 * their providers, programmes and service areas out for service directories, and the same tables back in.
 */
@NullMarked
package de.kimgraph.exchange.hsds;

import org.jspecify.annotations.NullMarked;
