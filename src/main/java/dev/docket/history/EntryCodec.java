package dev.docket.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dev.docket.ranking.RankedEntry;
import dev.docket.system.Gzip;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** Ranking entries as gzipped JSON: the same shape the API serves, a tenth of the size. */
@Singleton
class EntryCodec {

    private static final Argument<List<RankedEntry>> ENTRIES = Argument.listOf(RankedEntry.class);

    private final JsonMapper json;

    EntryCodec(JsonMapper json) {
        this.json = json;
    }

    /**
     * Streams the entries through gzip as they are serialized: a snapshot of 100,000 entries is about 70 MB of
     * JSON but 7 MB compressed, and only the compressed form is ever held. Pass a list that builds entries as
     * they are read ({@code Ranking.entries()}), and not even the entries are held at once.
     */
    byte[] encode(List<RankedEntry> entries) {
        return Gzip.of(out -> json.writeValue(out, ENTRIES, entries));
    }

    byte[] encode(RankedEntry entry) {
        return Gzip.of(out -> json.writeValue(out, entry));
    }

    List<RankedEntry> decodeAll(byte[] data) {
        try {
            return json.readValue(gunzip(data), ENTRIES);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored ranking snapshot cannot be read", e);
        }
    }

    RankedEntry decode(byte[] data) {
        try {
            return json.readValue(gunzip(data), Argument.of(RankedEntry.class));
        } catch (IOException e) {
            throw new UncheckedIOException("A stored rank move cannot be read", e);
        }
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return zip.readAllBytes();
        }
    }
}
