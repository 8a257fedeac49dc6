package dev.docket.system;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The cheapest answers this server can give, as the reference the HTTP load test (bench/http-load.sh) holds the
 * API against in the same run: one on the event loop, one on the blocking pool the API's controllers run on, and a
 * ready-made JSON body of a given size, to tell what a ranking page costs in bytes on the wire from what it costs
 * in Docket.
 * Off unless docket.bench.reference-endpoints is true (DOCKET_BENCH_REFERENCE_ENDPOINTS).
 */
@Hidden // a load-test reference, off in production; not part of the API
@Controller("/bench")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "docket.bench.reference-endpoints", value = "true")
class ReferenceController {

    private static final Pong PONG = new Pong("ok");

    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    @Get("/bare")
    Pong bare() {
        return PONG;
    }

    /** A JSON body of exactly {@code size} bytes, built once per size and answered as a ranking page is. */
    @Get("/bytes/{size}")
    HttpResponse<byte[]> bytes(@PathVariable @Min(2) @Max(1_048_576) int size) {
        return HttpResponse.ok(bodies.computeIfAbsent(size, ReferenceController::jsonOfSize))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[size - 1] = ']';
        return body;
    }

    @Get("/bare-blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Pong bareBlocking() {
        return PONG;
    }

    @Serdeable
    record Pong(String status) {
    }
}
