package dev.docket.contract;

import java.math.BigDecimal;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The base currency rules compare values in, and what one unit of each accepted currency is worth in it
 * (docket.money.*). Rules must compare like with like, so a currency without a rate is refused.
 */
@ConfigurationProperties("docket.money")
public record MoneyProperties(String baseCurrency, Map<String, BigDecimal> rates) {
}
