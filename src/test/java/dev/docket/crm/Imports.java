package dev.docket.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.docket.support.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** Runs imports through the public API as a sync script would, and reads their whole per-row report page by page. */
final class Imports {

    private final Api api;

    Imports(Api api) {
        this.api = api;
    }

    ImportJob.View csv(String body, boolean dryRun) {
        return run(HttpRequest.POST("/api/imports?dryRun=" + dryRun, body).contentType(MediaType.of("text/csv")));
    }

    /** Posts and waits (no Prefer header): the answer is the finished import, with its Location. */
    ImportJob.View run(HttpRequest<?> request) {
        HttpResponse<ImportJob.View> response = api.exchange(request, ImportJob.View.class);
        ImportJob.View view = response.body();
        assertThat(response.status().getCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Location")).isEqualTo("/api/imports/" + view.id());
        assertThat(view.state()).as("import %s: %s", view.id(), view.error()).isEqualTo(ImportJob.State.DONE);
        return view;
    }

    List<ImportReport.Row> rows(long id) {
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            CrmImportController.RowsPage p = api.get("/api/imports/" + id + "/rows?size=10000&page=" + page,
                    CrmImportController.RowsPage.class);
            rows.addAll(p.rows());
            if (p.rows().size() < p.size()) {
                assertThat(rows).hasSize((int) p.total());
                return rows;
            }
        }
    }
}
