package dev.docket.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.docket.ranking.RankedEntry;
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
     * they are read, and not even the entries are held at once.
     */
    byte[] encode(List<RankedEntry> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024)) {
                json.writeValue(zip, ENTRIES, entries);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] encode(RankedEntry entry) {
        return gzip(() -> json.writeValueAsBytes(entry));
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

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private static byte[] gzip(Bytes source) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(source.get());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return zip.readAllBytes();
        }
    }
}
