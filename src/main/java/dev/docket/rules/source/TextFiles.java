package dev.docket.rules.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Rule files and CSV tables must be UTF-8 text; this decodes them strictly instead of guessing. */
public final class TextFiles {

    private TextFiles() {
    }

    /** A file that cannot be read as what its name says it is; the message is the problem to report. */
    public static final class UnreadableException extends RuntimeException {

        private final int line;

        public UnreadableException(String message) {
            this(message, 0);
        }

        public UnreadableException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The text of a UTF-8 file; a NUL byte or an invalid byte sequence means it is not text, with the line where that happens. */
    public static String decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableException("file is not text: it contains a NUL byte (byte " + (i + 1)
                        + "); rule files and CSV tables must be plain UTF-8 text", lineAt(bytes, i));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new UnreadableException("file is not text: byte " + (in.position() + 1)
                    + " is not valid UTF-8; save the file as UTF-8 text", lineAt(bytes, in.position()));
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
