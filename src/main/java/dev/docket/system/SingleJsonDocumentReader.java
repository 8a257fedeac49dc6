package dev.docket.system;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Reads JSON request bodies like Micronaut's own reader, but only when the body is exactly one JSON value.
 * Micronaut Serde reads the first value and ignores whatever follows ("{...}garbage", two documents), and has
 * no setting for it (Jackson's FAIL_ON_TRAILING_TOKENS is a databind feature), so Jackson's parser checks here.
 */
@Singleton
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Order(-20) // ahead of Micronaut's JsonMessageHandler (-10)
final class SingleJsonDocumentReader<T> implements MessageBodyReader<T> {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonMapper jsonMapper;

    SingleJsonDocumentReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        // Raw text and bytes keep Micronaut's own readers, which hand them over as sent.
        Class<T> target = type.getType();
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON)
                && !CharSequence.class.isAssignableFrom(target) && target != byte[].class
                && !ByteBuffer.class.isAssignableFrom(target) && target != Object.class;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) throws CodecException {
        return read(type, byteBuffer.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) throws CodecException {
        try {
            return read(type, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("The request body cannot be read: " + e.getMessage(), e);
        }
    }

    private T read(Argument<T> type, byte[] bytes) {
        requireOneValue(bytes);
        try {
            return jsonMapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(), e);
        }
    }

    private static void requireOneValue(byte[] bytes) {
        boolean firstValueRead = false;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return; // an empty body is reported by the binder as a missing body
            }
            parser.skipChildren();
            firstValueRead = true;
            if (parser.nextToken() != null) {
                throw trailing(parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            if (firstValueRead) {
                throw trailing(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            }
            // Malformed inside the value: the mapper reports it, with the field it was reading.
        } catch (IOException e) {
            throw new CodecException("The request body cannot be read: " + e.getMessage(), e);
        }
    }

    private static CodecException trailing(int line, int column) {
        return new CodecException("The request body must be one JSON value, but something follows it (after the JSON value, at line "
                + line + ", column " + column + ")");
    }
}
