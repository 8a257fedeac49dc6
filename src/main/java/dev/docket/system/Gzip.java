package dev.docket.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Gzip into memory, for what Docket keeps or stores compressed: ranking pages and rank history. */
public final class Gzip {

    /** Writes the uncompressed form; it goes through the compressor as it is written, never held whole. */
    @FunctionalInterface
    public interface Source {
        void writeTo(OutputStream out) throws IOException;
    }

    private Gzip() {
    }

    public static byte[] of(Source source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8 * 1024)) {
            source.writeTo(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compress", e);
        }
        return out.toByteArray();
    }

    public static byte[] of(byte[] data) {
        return of(out -> out.write(data));
    }
}
