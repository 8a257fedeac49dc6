package dev.docket.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import dev.docket.audit.AuditLog;
import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import reactor.core.publisher.Flux;

/**
 * CRM imports. The upload is streamed to a temporary directory as it arrives (never whole into memory), checked
 * (part names, headers, reference files, mapping: each fault a 400 naming it), and then runs as a job. The answer is
 * the job: at once with 202 when the client sends {@code Prefer: respond-async}, else once it has finished. Either way
 * its Location, {@code /api/imports/{id}}, shows state and progress, and {@code /api/imports/{id}/rows} the per-row
 * report a page at a time.
 */
@Secured(Roles.LEGAL)
@Controller("/api/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
class CrmImportController {

    static final String PIPELINE = "pipeline";
    static final List<String> PARTS = List.of(PIPELINE, "accounts", "products", "sales_teams", "mapping");
    /** The pipeline's part name before the four-file import; kept so existing sync scripts go on working. */
    static final String PIPELINE_ALIAS = "file";

    private final ImportJobs jobs;
    private final JsonMapper json;

    CrmImportController(ImportJobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    /**
     * Imports a CRM pipeline file (the Maven Analytics sales_pipeline.csv format) sent as the text/csv body. A dry
     * run, the default, reports per row what would happen and stores nothing; {@code dryRun=false} applies it atomically.
     */
    @Post(consumes = "text/csv")
    @ImportResponses
    HttpResponse<ImportJob.View> importPipeline(@Body InputStream csv, HttpRequest<?> request, Authentication caller,
                                                @Nullable @io.micronaut.http.annotation.Header("Prefer") String prefer,
                                                // A String, because Micronaut reads any word but "true" as false.
                                                @QueryValue(defaultValue = "true") @Pattern(regexp = "true|false", message = "must be true or false") String dryRun) {
        Path directory = directory();
        try {
            Path pipeline = directory.resolve("pipeline.csv");
            Files.copy(csv, pipeline);
            ImportSource source = checked(directory, pipeline, "body",
                    CrmReference.NONE, ColumnMapping.MAVEN_ANALYTICS, List.of("(request body)"));
            return started(source, Boolean.parseBoolean(dryRun), request, caller, prefer);
        } catch (IOException | RuntimeException e) {
            ImportJobs.deleteTree(directory);
            throw uploadFailure(e);
        }
    }

    /**
     * Imports the Maven Analytics export as multipart/form-data, one file per part: {@code pipeline}
     * (sales_pipeline.csv, required) and optionally {@code accounts}, {@code products} and {@code sales_teams}.
     * Another CRM's export goes in {@code pipeline} with a column mapping (JSON: {@code columns}, {@code stages},
     * {@code dateFormat}) in part {@code mapping}.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = "object", requiredProperties = "pipeline"), schemaProperties = {
            @SchemaProperty(name = "pipeline", schema = @Schema(type = "string", format = "binary",
                    description = "sales_pipeline.csv, or another CRM's export with a mapping (part 'file' is accepted too)")),
            @SchemaProperty(name = "accounts", schema = @Schema(type = "string", format = "binary", description = "accounts.csv")),
            @SchemaProperty(name = "products", schema = @Schema(type = "string", format = "binary",
                    description = "products.csv: the list price of a deal without close_value")),
            @SchemaProperty(name = "sales_teams", schema = @Schema(type = "string", format = "binary",
                    description = "sales_teams.csv: the owner's team, as manager (regional office)")),
            @SchemaProperty(name = "mapping", schema = @Schema(type = "string", description = "a column mapping (JSON)",
                    example = "{\"columns\": {\"opportunity_id\": \"Record ID\"}, \"stages\": {\"closedwon\": \"Won\"}, \"dateFormat\": \"yyyy-MM-dd\"}"))})))
    @ImportResponses
    HttpResponse<ImportJob.View> importFiles(@Body MultipartBody parts, HttpRequest<?> request, Authentication caller,
                                             @Nullable @io.micronaut.http.annotation.Header("Prefer") String prefer,
                                             @QueryValue(defaultValue = "true") @Pattern(regexp = "true|false", message = "must be true or false") String dryRun) {
        Path directory = directory();
        try {
            Uploaded uploaded = new Uploaded(directory);
            for (CompletedPart part : Flux.from(parts).toIterable()) {
                uploaded.add(part);
            }
            return started(uploaded.source(), Boolean.parseBoolean(dryRun), request, caller, prefer);
        } catch (IOException | RuntimeException e) {
            ImportJobs.deleteTree(directory);
            throw uploadFailure(e);
        }
    }

    /** An import's state and progress; {@code totals} once it is DONE. */
    @Get("/{id}")
    ImportJob.View status(@PathVariable long id) {
        return job(id).view();
    }

    /** One page of an import's per-row report, in file order; {@code outcome} keeps only rows with that outcome. */
    @Get("/{id}/rows")
    RowsPage rows(@PathVariable long id,
                  @QueryValue(defaultValue = "0") @Min(0) @Max(10_000_000) int page,
                  @QueryValue(defaultValue = "1000") @Min(1) @Max(10_000) int size,
                  @Nullable @QueryValue @Pattern(regexp = "CREATED|UPDATED|UNCHANGED|REJECTED",
                          message = "must be CREATED, UPDATED, UNCHANGED or REJECTED") String outcome) {
        ImportJob job = job(id);
        Path report = job.report();
        if (job.state() != ImportJob.State.DONE || report == null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "import " + id + " is " + job.state()
                    + (job.state() == ImportJob.State.FAILED ? "; it stored nothing and has no rows" : "; its rows can be read once it is DONE"));
        }
        ImportReport.Outcome filter = outcome == null ? null : ImportReport.Outcome.valueOf(outcome);
        ImportReport.Totals totals = job.view().totals();
        long matching = filter == null ? totals.rows() : switch (filter) {
            case CREATED -> totals.created();
            case UPDATED -> totals.updated();
            case UNCHANGED -> totals.unchanged();
            case REJECTED -> totals.rejected();
        };
        return new RowsPage(page, size, matching, RowLog.page(report, filter, (long) page * size, size));
    }

    private ImportJob job(long id) {
        return jobs.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no import " + id
                + " on this instance; the last " + ImportJobs.KEPT + " imports are kept (every import is in the audit log)"));
    }

    private HttpResponse<ImportJob.View> started(ImportSource source, boolean dryRun, HttpRequest<?> request,
                                                 Authentication caller, @Nullable String prefer) {
        String via = String.valueOf(caller.getAttributes().getOrDefault("via", "unknown"));
        String requestId = request.getAttribute(AuditLog.REQUEST_ID, String.class).orElseGet(() -> request.getHeaders().get(AuditLog.REQUEST_ID));
        ImportJob job = jobs.start(dryRun, source, caller.getName(), via, requestId);
        URI location = URI.create("/api/imports/" + job.id);
        if (prefer != null && prefer.toLowerCase().contains("respond-async")) {
            return HttpResponse.<ImportJob.View>status(HttpStatus.ACCEPTED).header(io.micronaut.http.HttpHeaders.LOCATION, location.toString()).body(job.view());
        }
        try {
            job.whenFinished().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The job records its own failure; its view says so.
        }
        return HttpResponse.ok(job.view()).header(io.micronaut.http.HttpHeaders.LOCATION, location.toString());
    }

    /** A body over the size limit is the client's 413 however deep the stream wrapped it; anything else stays as it was. */
    private static RuntimeException uploadFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContentLengthExceededException tooLong) {
                return tooLong;
            }
        }
        return e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("docket-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportSource checked(Path directory, Path pipeline, String field, CrmReference reference,
                                        ColumnMapping mapping, List<String> names) throws IOException {
        mapping.checked();
        try (var in = Files.newBufferedReader(pipeline, StandardCharsets.UTF_8)) {
            PipelineCsv.checkHeader(in, mapping, field);
        }
        return new ImportSource(directory, pipeline, reference, mapping, names);
    }

    /** The parts of one multipart upload, each saved to disk as it is read. */
    private final class Uploaded {
        private final Path directory;
        private final java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        private final List<String> names = new java.util.ArrayList<>();

        Uploaded(Path directory) {
            this.directory = directory;
        }

        void add(CompletedPart part) throws IOException {
            String name = PIPELINE_ALIAS.equals(part.getName()) ? PIPELINE : part.getName();
            if (!PARTS.contains(name)) {
                    throw new InvalidFieldException(part.getName(), "is not a part of an import; send " + String.join(", ", PARTS)
                            + " (pipeline is required; the others are optional)");
                }
                if (files.containsKey(name)) {
                    throw new InvalidFieldException(name, "is sent twice; send each part once");
                }
                Path file = directory.resolve(name + ".part");
                try (InputStream in = part.getInputStream()) {
                    Files.copy(in, file);
                }
                files.put(name, file);
                if (part instanceof CompletedFileUpload upload && !name.equals("mapping")) {
                    names.add(name + "=" + upload.getFilename());
                }
        }

        ImportSource source() throws IOException {
            Path pipeline = files.get(PIPELINE);
            if (pipeline == null) {
                throw new InvalidFieldException(PIPELINE, "is required: the pipeline file (sales_pipeline.csv or another CRM's export)"
                        + (files.isEmpty() ? "; the request has no parts" : "; the request has only " + String.join(", ", files.keySet())));
            }
            ColumnMapping mapping = files.containsKey("mapping") ? mapping(files.get("mapping")) : ColumnMapping.MAVEN_ANALYTICS;
            CrmReference reference = new CrmReference(
                    files.containsKey("accounts") ? read(files.get("accounts"), "accounts", CrmReference::accounts) : java.util.Map.of(),
                    files.containsKey("products") ? read(files.get("products"), "products", CrmReference::prices) : java.util.Map.of(),
                    files.containsKey("sales_teams") ? read(files.get("sales_teams"), "sales_teams", CrmReference::teams) : java.util.Map.of());
            return checked(directory, pipeline, PIPELINE, reference, mapping, List.copyOf(names));
        }

        private ColumnMapping mapping(Path file) throws IOException {
            if (Files.size(file) > 64 * 1024) {
                throw new InvalidFieldException("mapping", "is larger than 64 KB; a column mapping is a small JSON object");
            }
            try {
                return json.readValue(Files.readString(file, StandardCharsets.UTF_8), ColumnMapping.class);
            } catch (IOException | RuntimeException e) {
                throw new InvalidFieldException("mapping", "is not a column mapping (JSON with columns, stages, dateFormat): "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }

        private <T> T read(Path file, String part, java.util.function.BiFunction<java.io.Reader, String, T> reader) throws IOException {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return reader.apply(in, part);
            }
        }
    }

    /** One page of an import's rows; {@code total} counts every row that matches, across pages. */
    @io.micronaut.serde.annotation.Serdeable
    record RowsPage(int page, int size, long total, List<ImportReport.Row> rows) {
    }
}
