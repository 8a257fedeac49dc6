package dev.docket.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

/**
 * JSON scalars read as they are written, never coerced: a title must be a string, a flag true or false, a
 * version a whole number, an amount a number, a date an ISO date in a sane range, an enum one of its names.
 * Micronaut Serde's built-in scalar readers coerce ("123" for 123, 1 for true, ["A"] for "A", a number as an
 * epoch day) and offer no setting to stop it, so these replace them (as {@code @Primary} beans, the way Serde
 * documents replacing a serde). Each reads the value as a node and checks its JSON type before converting.
 */
public final class StrictScalars {

    /** Dates outside this range are typing mistakes (20261231, 0026-12-31) and some do not survive a SQL DATE. */
    public static final int MIN_YEAR = 1970;
    public static final int MAX_YEAR = 2199;

    // Doubles keep 15 significant digits exactly; more would be stored as a different amount than was sent.
    private static final int EXACT_DOUBLE_DIGITS = 15;

    private StrictScalars() {
    }

    private static String kind(JsonNode node) {
        if (node.isString()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.getBooleanValue() ? "true" : "false";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : "null";
    }

    private static SerdeException wrongType(String expected, JsonNode node) {
        return new SerdeException("must be " + expected + ", not " + kind(node));
    }

    /** Text that cannot be shown or stored faithfully; line breaks and tabs are fine for multi-line fields. */
    static @Nullable String unsafeCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate (\\u" + hex(c) + ")";
            } else if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                return "a control character (\\u" + hex(c) + ")";
            } else if (isBidiControl(c)) {
                return "a bidirectional override (\\u" + hex(c) + ")";
            }
        }
        return null;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /**
     * The one shape of every strict reader: read the value as a node, so its JSON type can be checked before it
     * is converted. Each subclass names its type for Serde and says how a node of that type is read.
     */
    abstract static class NodeReader<T> implements Deserializer<T> {

        abstract T read(JsonNode node) throws SerdeException;

        @Override
        public final T deserialize(@NonNull Decoder decoder, @NonNull DecoderContext context,
                                   @NonNull Argument<? super T> type) throws IOException {
            return read(decoder.decodeNode());
        }
    }

    @Singleton
    @Primary
    static final class StrictString extends NodeReader<String> {
        @Override
        String read(JsonNode node) throws SerdeException {
            if (!node.isString()) {
                throw wrongType("text in quotes", node);
            }
            String text = node.getStringValue();
            String unsafe = unsafeCharacter(text);
            if (unsafe != null) {
                throw new SerdeException("must not contain " + unsafe);
            }
            return text;
        }
    }

    @Singleton
    @Primary
    static final class StrictBoolean extends NodeReader<Boolean> {
        @Override
        Boolean read(JsonNode node) throws SerdeException {
            if (!node.isBoolean()) {
                throw wrongType("true or false", node);
            }
            return node.getBooleanValue();
        }
    }

    /** A JSON whole number that fits in the given number of bits (plus sign). */
    private static BigInteger wholeNumber(JsonNode node, int bits) throws SerdeException {
        if (!node.isNumber()) {
            throw wrongType("a whole number", node);
        }
        Number n = node.getNumberValue();
        BigInteger value;
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            value = BigInteger.valueOf(n.longValue());
        } else if (n instanceof BigInteger big) {
            value = big;
        } else {
            throw new SerdeException("must be a whole number, not " + n);
        }
        if (value.bitLength() > bits) {
            throw new SerdeException("is too large: " + value);
        }
        return value;
    }

    @Singleton
    @Primary
    static final class StrictLong extends NodeReader<Long> {
        @Override
        Long read(JsonNode node) throws SerdeException {
            return wholeNumber(node, 63).longValue();
        }
    }

    @Singleton
    @Primary
    static final class StrictInteger extends NodeReader<Integer> {
        @Override
        Integer read(JsonNode node) throws SerdeException {
            return wholeNumber(node, 31).intValue();
        }
    }

    @Singleton
    @Primary
    static final class StrictBigDecimal extends NodeReader<BigDecimal> {
        @Override
        BigDecimal read(JsonNode node) throws SerdeException {
            if (!node.isNumber()) {
                throw wrongType("a number", node);
            }
            Number n = node.getNumberValue();
            if (n instanceof BigDecimal decimal) {
                return decimal;
            }
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new SerdeException("must be a finite number");
                }
                BigDecimal decimal = new BigDecimal(Double.toString(d));
                if (decimal.precision() > EXACT_DOUBLE_DIGITS) {
                    throw new SerdeException("has more than " + EXACT_DOUBLE_DIGITS + " significant digits, which Docket cannot keep exactly");
                }
                return decimal;
            }
            return new BigDecimal(n instanceof BigInteger big ? big : BigInteger.valueOf(n.longValue()));
        }
    }

    @Singleton
    @Primary
    static final class StrictLocalDate extends NodeReader<LocalDate> {
        private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        @Override
        LocalDate read(JsonNode node) throws SerdeException {
            if (!node.isString()) {
                throw wrongType("a date in quotes, YYYY-MM-DD", node);
            }
            String text = node.getStringValue();
            LocalDate date;
            try {
                date = LocalDate.parse(text, ISO_DATE);
            } catch (DateTimeParseException e) {
                throw new SerdeException("'" + text + "' is not a date in the form YYYY-MM-DD");
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                throw new SerdeException("'" + text + "' is outside the years " + MIN_YEAR + " to " + MAX_YEAR);
            }
            return date;
        }
    }

    /** Enum names exactly as documented: a string, in upper case, one of the listed values. */
    @Singleton
    @Primary
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class StrictEnum implements Deserializer<Enum> {
        @Override
        public @NonNull Deserializer<Enum> createSpecific(@NonNull DecoderContext context, @NonNull Argument<? super Enum> type) {
            Class<Enum> enumType = (Class<Enum>) type.getType();
            String names = Arrays.stream(enumType.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return new NodeReader<>() {
                @Override
                Enum read(JsonNode node) throws SerdeException {
                    if (!node.isString()) {
                        throw wrongType("one of " + names, node);
                    }
                    String text = node.getStringValue();
                    for (Enum constant : enumType.getEnumConstants()) {
                        if (constant.name().equals(text)) {
                            return constant;
                        }
                    }
                    throw new SerdeException("'" + text + "' is not one of " + names);
                }
            };
        }

        @Override
        public Enum deserialize(@NonNull Decoder decoder, @NonNull DecoderContext context, @NonNull Argument<? super Enum> type) {
            throw new IllegalStateException("createSpecific is always called first");
        }
    }
}
