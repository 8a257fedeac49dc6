package dev.docket.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The load test's reference endpoints answer what bench/http-load.sh compares the API against. */
@MicronautTest(transactional = false)
class ReferenceEndpointsIT extends DatabaseTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.bench.reference-endpoints", "true");
    }

    @Test
    void bareEndpoints_answerATinyJsonBody() {
        assertThat(client.toBlocking().retrieve("/bench/bare")).isEqualTo("{\"status\":\"ok\"}");
        assertThat(client.toBlocking().retrieve("/bench/bare-blocking")).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void bytes_answersJsonOfExactlyTheSizeAsked() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/bench/bytes/71847"), byte[].class);

        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).startsWith("application/json"));
        byte[] body = response.body();
        assertThat(body).hasSize(71_847).startsWith((byte) '[').endsWith((byte) ']');
    }

    @Test
    void bytes_refusesSizesOutsideItsRange() {
        for (String size : new String[] {"1", "1048577", "-5"}) {
            HttpClientResponseException refused = catchThrowableOfType(
                    () -> client.toBlocking().exchange("/bench/bytes/" + size), HttpClientResponseException.class);
            assertThat(refused.getStatus().getCode()).as("size " + size).isEqualTo(400);
        }
    }
}
