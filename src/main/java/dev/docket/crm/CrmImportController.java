package dev.docket.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@Secured(Roles.LEGAL)
@Controller("/api/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
class CrmImportController {

    private final CrmImport imports;
    private final JsonMapper json;

    CrmImportController(CrmImport imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
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

    /**
     * Imports another CRM's export: multipart/form-data with the CSV in part {@code file} and a column mapping
     * (JSON: {@code columns}, {@code stages}, {@code dateFormat}) in part {@code mapping}.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    ImportReport importMapped(@Part("file") byte[] file, @Part("mapping") String mapping,
                              @QueryValue(defaultValue = "true") @Pattern(regexp = "true|false", message = "must be true or false") String dryRun) {
        ColumnMapping parsed;
        try {
            parsed = json.readValue(mapping, ColumnMapping.class);
        } catch (IOException e) {
            throw new InvalidFieldException("mapping", "is not a column mapping (JSON with columns, stages, dateFormat): "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return imports.run(new String(file, StandardCharsets.UTF_8), parsed, Boolean.parseBoolean(dryRun));
    }
}
