package dev.docket.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values one field of a generated contract may take, each with its share, or all equally likely. A value may be
 * null (no target close date, no override). A single value is taken without a draw.
 */
public final class Choices<T> {

    private final List<T> values;
    private final double[] shares;

    private Choices(List<T> values, double[] shares) {
        if (values.isEmpty() || shares != null && shares.length != values.size()) {
            throw new IllegalArgumentException(values.size() + " choices need as many shares, got " + Arrays.toString(shares));
        }
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.shares = shares == null ? null : shares.clone();
    }

    /** Always {@code value}. */
    public static <T> Choices<T> only(T value) {
        return new Choices<>(Collections.singletonList(value), null);
    }

    /** Each of {@code values} equally likely; a value listed twice is twice as likely. */
    @SafeVarargs
    public static <T> Choices<T> of(T... values) {
        return new Choices<>(Arrays.asList(values), null);
    }

    /** Each of {@code values} equally likely; a value listed twice is twice as likely. */
    public static <T> Choices<T> uniform(List<T> values) {
        return new Choices<>(values, null);
    }

    /** {@code values.get(i)} with share {@code shares[i]}; the last takes whatever the others leave. */
    public static <T> Choices<T> weighted(List<T> values, double... shares) {
        return new Choices<>(values, shares);
    }

    public List<T> values() {
        return values;
    }

    T pick(Picker picker) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return values.get(shares == null ? picker.index(values.size()) : picker.weighted(shares));
    }
}
