package dev.docket.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document describes the routes Docket actually serves, and Swagger UI is served by Docket, not a CDN. */
@MicronautTest(transactional = false)
class OpenApiIT extends DatabaseTest {

    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentListsEveryApiRouteWithExamples() {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/swagger/docket.yml"));
        Map<String, Object> document = new Yaml().load(yaml);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");

        List<String> apiRoutes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/"))
                .map(r -> r.getHttpMethodName().toLowerCase(Locale.ROOT) + " " + r.getUriMatchTemplate().toPathString())
                .distinct().toList();
        assertThat(apiRoutes).hasSizeGreaterThan(25);
        List<String> documented = paths.entrySet().stream()
                .flatMap(p -> p.getValue().keySet().stream().map(method -> method + " " + p.getKey())).toList();
        assertThat(documented).containsAll(apiRoutes.stream().filter(r -> !r.startsWith("head ")).toList());
        assertThat(documented).noneMatch(r -> r.contains("/bench/"));

        // The import's two routes (CSV and multipart) are one operation with both bodies and every answer either gives.
        Map<String, Object> imports = (Map<String, Object>) paths.get("/api/imports").get("post");
        assertThat((Map<String, Object>) imports.get("responses")).containsKeys("200", "202", "400", "413", "415");
        assertThat((Map<String, Object>) ((Map<String, Object>) imports.get("requestBody")).get("content"))
                .containsKeys("text/csv", "multipart/form-data");

        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Object> request = (Map<String, Object>) schemas.get("ContractRequest");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) request.get("properties");
        assertThat(properties.get("externalRef")).containsEntry("example", "1C1I7A6R").containsKey("pattern");
        assertThat(properties.get("targetCloseDate")).containsKey("example").containsEntry("format", "date");
    }

    @Test
    void swaggerUiIsServedFromTheWebjar() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"));
        assertThat(page).contains("/swagger-ui/dist/swagger-ui-bundle.js").doesNotContain("://");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/docket.js"))).contains("/swagger/docket.yml");
        HttpResponse<byte[]> bundle = client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/dist/swagger-ui-bundle.js"), byte[].class);
        assertThat(bundle.code()).isEqualTo(200);
        assertThat(bundle.body().length).isGreaterThan(1_000_000);
    }
}
