package dev.docket.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

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
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(code);
        BigDecimal rounded = amount.setScale(Math.max(0, code.getDefaultFractionDigits()), RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : code.getDefaultFractionDigits());
        format.setMaximumFractionDigits(whole ? 0 : code.getDefaultFractionDigits());
        String symbol = format instanceof DecimalFormat d ? d.getDecimalFormatSymbols().getCurrencySymbol() : "";
        if (symbol.equals(code.getCurrencyCode()) && format instanceof DecimalFormat d) {
            // The locale has no symbol for it (CHF in US English): write the code, then a space, as people do.
            DecimalFormat plain = (DecimalFormat) NumberFormat.getNumberInstance(locale);
            plain.setDecimalFormatSymbols(DecimalFormatSymbols.getInstance(locale));
            plain.setMinimumFractionDigits(d.getMinimumFractionDigits());
            plain.setMaximumFractionDigits(d.getMaximumFractionDigits());
            return code.getCurrencyCode() + " " + plain.format(rounded);
        }
        return format.format(rounded);
    }
}
