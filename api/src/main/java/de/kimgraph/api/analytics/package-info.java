/** GraphQL wiring of the analytic root fields (coverage gaps, duplicate structures, interface points, funding cliffs, network health, history, who does what). */
@NullMarked
package de.kimgraph.api.analytics;

import org.jspecify.annotations.NullMarked;
