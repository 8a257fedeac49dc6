package dev.docket.explain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.docket.contract.CurrencyConverter;
import dev.docket.facts.Lane;
import dev.docket.facts.Money;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The words of every explanation: sentences from {@code i18n/explanations.properties}, and the labels, amounts,
 * dates and points that fill them. Services hand it values and a key; no sentence is put together anywhere else.
 */
@Singleton
public class Wording {

    static final String BUNDLE = "i18n.explanations";

    // A quoted reason may end in its own question mark or full stop; the sentence does not add a second.
    private static final Pattern DOUBLE_STOP = Pattern.compile("([?!.])([\u201d\"]?)\\.$");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final String baseCurrency;
    // Parsed once per key: an explanation says dozens of sentences, and parsing a pattern costs more than filling it.
    // MessageFormat and DecimalFormat are not thread-safe, so each use formats with a clone of the parsed one.
    private final Map<String, MessageFormat> sentences = new ConcurrentHashMap<>();
    private final DateTimeFormatter dateFormat;
    private final DecimalFormat pointsFormat;
    private final DecimalFormat signedPointsFormat;

    @Inject
    Wording(CurrencyConverter currencies) {
        this(Locale.US, currencies.baseCurrency());
    }

    /** For a locale and base currency of one's own; tests use it without a running application. */
    public Wording(Locale locale, String baseCurrency) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.baseCurrency = baseCurrency;
        this.dateFormat = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
        this.pointsFormat = new DecimalFormat(bundle.getString("format.points"), DecimalFormatSymbols.getInstance(locale));
        this.signedPointsFormat = new DecimalFormat(bundle.getString("format.signedPoints"),
                DecimalFormatSymbols.getInstance(locale));
    }

    /** The sentence {@code key} with its arguments in place; arguments should already be formatted text. */
    public String say(String key, Object... args) {
        MessageFormat parsed = sentences.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        String text = ((MessageFormat) parsed.clone()).format(args);
        return DOUBLE_STOP.matcher(text).replaceAll("$1$2");
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : dateFormat.format(date);
    }

    /** Points as people write them: {@code 71}, {@code 5.1}, {@code 0.04}. */
    public String points(double points) {
        return ((DecimalFormat) pointsFormat.clone()).format(points);
    }

    /** A change of points, always with its sign: {@code +12}, {@code -4}. */
    public String signedPoints(double points) {
        return ((DecimalFormat) signedPointsFormat.clone()).format(points);
    }

    public String money(BigDecimal amount, String currency) {
        return new Money(amount, currency).format(locale);
    }

    /** An amount in the base currency (docket.money.base-currency), the currency the rules compare in. */
    public String baseMoney(double amount) {
        return money(BigDecimal.valueOf(amount), baseCurrency);
    }

    public String paper(String paper) {
        return label("paper." + paper, paper);
    }

    public String contractType(String type) {
        return label("type." + type, type);
    }

    public String lane(Lane lane) {
        return label("lane." + lane.name(), lane.name());
    }

    /** The field a rep may change, as a rep calls it: {@code expansionPotential} is "the expansion estimate". */
    public String field(String field) {
        return label("field." + field, field);
    }

    /** What to do to pass a readiness gate: {@code signatory-known} is "name the signatory". */
    public String gateAction(String gate) {
        try {
            return say("gate." + gate);
        } catch (MissingResourceException e) {
            return say("gate.other", gate.replace('-', ' '));
        }
    }

    /** Several items in a sentence: "a", "a and b", "a, b and c". */
    public String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.size() == 2) {
            return say("list.two", items.get(0), items.get(1));
        }
        String head = items.get(0);
        for (int i = 1; i < items.size() - 1; i++) {
            head = say("list.middle", head, items.get(i));
        }
        return say("list.end", head, items.get(items.size() - 1));
    }

    private String label(String key, String fallback) {
        try {
            return say(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
