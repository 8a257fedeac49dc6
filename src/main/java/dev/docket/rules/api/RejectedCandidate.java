package dev.docket.rules.api;

import java.util.List;

import dev.docket.rules.check.CheckResult;
import dev.docket.rules.source.RuleProblem;
import dev.docket.system.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A candidate that failed its checks, as a 422 problem (application/problem+json like every other error) that
 * still carries the whole verdict, so a rule author sees every problem with its file, line and column.
 */
@Serdeable
public record RejectedCandidate(String type, String title, int status, String detail, @Nullable String instance,
                                List<Problem.FieldProblem> errors,
                                boolean valid, @Nullable String hash, List<String> rules, List<RuleProblem> problems,
                                long tookMillis) {

    public static HttpResponse<RejectedCandidate> response(HttpRequest<?> request, CheckResult result) {
        CandidateVerdict verdict = CandidateVerdict.of(result);
        List<Problem.FieldProblem> errors = verdict.problems().stream()
                .map(p -> new Problem.FieldProblem(p.file() == null ? null : "files[" + p.file() + "]", p.toString()))
                .toList();
        String detail = "The rule set fails " + errors.size() + " check" + (errors.size() == 1 ? "" : "s")
                + "; nothing was activated: " + String.join("; ", errors.stream().limit(3).map(Problem.FieldProblem::message).toList());
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.<RejectedCandidate>status(status)
                .contentType("application/problem+json")
                .body(new RejectedCandidate("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), errors,
                        verdict.valid(), verdict.hash(), verdict.rules(), verdict.problems(), verdict.tookMillis()));
    }
}
