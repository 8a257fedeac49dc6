package dev.docket.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount and its ISO 4217 currency, written the way a reader expects ({@code $173,700}, {@code €12,000},
 * {@code CHF 5,000}). Rules pass it to a reason as a value, so the text is formatted only when someone reads it.
 * Whole amounts drop their cents: every amount the rules see is an estimate or a deal total.
 */
public record Money(BigDecimal amount, String currency) {

    public static Money of(double amount, String currency) {
        return new Money(BigDecimal.valueOf(amount), currency);
    }

    @Override
    public String toString() {
        return format(Locale.US);
    }

    /** The amount in {@code locale}'s style, with the currency's symbol where that locale has one. */
    public String format(Locale locale) {
        Currency code;
        try {
            code = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Not an ISO code (a fact built by hand in a test): the amount, then whatever the currency says.
            return NumberFormat.getNumberInstance(locale).format(amount) + " " + currency;
        }
        int digits = Math.max(0, code.getDefaultFractionDigits());
        BigDecimal rounded = amount.setScale(digits, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        // Building a currency format costs tens of microseconds and rankings format many reasons; a clone costs one.
        NumberFormat format = (NumberFormat) FORMATS.computeIfAbsent(new Key(locale, code, whole), Money::formatFor).clone();
        return format.format(rounded);
    }

    private record Key(Locale locale, Currency currency, boolean whole) {
    }

    private static final Map<Key, NumberFormat> FORMATS = new ConcurrentHashMap<>();

    private static NumberFormat formatFor(Key key) {
        int digits = key.whole() ? 0 : Math.max(0, key.currency().getDefaultFractionDigits());
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(key.locale());
        format.setCurrency(key.currency());
        if (format.getDecimalFormatSymbols().getCurrencySymbol().equals(key.currency().getCurrencyCode())) {
            // The locale has no symbol for it (CHF in US English): write the code, then a space, as people do.
            format = (DecimalFormat) NumberFormat.getNumberInstance(key.locale());
            format.setPositivePrefix(key.currency().getCurrencyCode() + " ");
            format.setNegativePrefix("-" + key.currency().getCurrencyCode() + " ");
        }
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
    }
}
