package dev.docket.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The cheapest answers this server can give, as the reference the HTTP load test (bench/http-load.sh) holds the
 * API against in the same run: one on the event loop, one on the blocking pool the API's controllers run on.
 * Off unless docket.bench.reference-endpoints is true (DOCKET_BENCH_REFERENCE_ENDPOINTS).
 */
@Controller("/bench")
@Requires(property = "docket.bench.reference-endpoints", value = "true")
class ReferenceController {

    private static final Pong PONG = new Pong("ok");

    @Get("/bare")
    Pong bare() {
        return PONG;
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
