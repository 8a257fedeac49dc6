package dev.docket.crm;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.identity.Roles;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@Secured(Roles.LEGAL)
@Controller("/api/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
class CrmImportController {

    private final CrmImport imports;

    CrmImportController(CrmImport imports) {
        this.imports = imports;
    }

    /**
     * Imports a CRM pipeline file (the Maven Analytics sales_pipeline.csv format) as text/csv. A dry run, the
     * default, reports per row what would happen and stores nothing; {@code dryRun=false} applies it atomically.
     */
    @Post(consumes = "text/csv")
    ImportReport importPipeline(@Body @NotBlank String csv,
                                // A String, because Micronaut reads any word but "true" as false.
                                @QueryValue(defaultValue = "true") @Pattern(regexp = "true|false", message = "must be true or false") String dryRun) {
        return imports.run(csv, Boolean.parseBoolean(dryRun));
    }
}
