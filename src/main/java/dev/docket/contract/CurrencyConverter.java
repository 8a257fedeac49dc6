package dev.docket.contract;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Checks currencies against ISO 4217 and the configured rates, and converts amounts to the base currency. */
@Singleton
public class CurrencyConverter {

    private final String baseCurrency;
    private final Map<String, BigDecimal> rates = new TreeMap<>();

    public CurrencyConverter(MoneyProperties properties) {
        this.baseCurrency = properties.baseCurrency().toUpperCase(Locale.ROOT);
        properties.rates().forEach((code, rate) -> rates.put(code.toUpperCase(Locale.ROOT), rate));
        rates.put(baseCurrency, BigDecimal.ONE);
    }

    public String baseCurrency() {
        return baseCurrency;
    }

    public void requireAccepted(String field, @Nullable String currency) {
        if (currency != null && !currency.equals(currency.toUpperCase(Locale.ROOT)) && isIsoCode(currency.toUpperCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, "'" + currency + "' must be written in upper case: "
                    + currency.toUpperCase(Locale.ROOT));
        }
        if (currency == null || !isIsoCode(currency)) {
            throw new InvalidFieldException(field, "'" + currency + "' is not an ISO 4217 currency code");
        }
        if (!rates.containsKey(currency)) {
            throw new InvalidFieldException(field, "currency " + currency + " has no exchange rate to " + baseCurrency
                    + " in docket.money.rates; accepted: " + String.join(", ", rates.keySet()));
        }
    }

    public double toBase(BigDecimal amount, String currency) {
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new IllegalStateException("No exchange rate for stored currency " + currency);
        }
        return amount.multiply(rate).doubleValue();
    }

    private static boolean isIsoCode(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
