package dev.docket.crm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The answers of POST /api/imports, whichever body it is sent (CSV or multipart): both routes are one OpenAPI
 * operation, and each declares the same responses through this one annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "the import has finished (without Prefer: respond-async)",
        headers = @Header(name = "Location", description = "/api/imports/{id}"),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.View.class)))
@ApiResponse(responseCode = "202", description = "the import is queued (with Prefer: respond-async); poll its Location",
        headers = @Header(name = "Location", description = "/api/imports/{id}"),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.View.class)))
@ApiResponse(responseCode = "400", description = "an unknown or missing part, a file that is not UTF-8 CSV, a missing column, a bad mapping")
@ApiResponse(responseCode = "413", description = "larger than 256 MB")
@ApiResponse(responseCode = "415", description = "a body that is neither text/csv nor multipart/form-data, or no Content-Type")
@interface ImportResponses {
}
