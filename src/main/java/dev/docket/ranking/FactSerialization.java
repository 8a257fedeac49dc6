package dev.docket.ranking;

import dev.docket.facts.Contribution;
import io.micronaut.serde.annotation.SerdeImport;

/** The fact package stays free of framework annotations; the API serialises its contributions from here. */
@SerdeImport(Contribution.class)
final class FactSerialization {

    private FactSerialization() {
    }
}
