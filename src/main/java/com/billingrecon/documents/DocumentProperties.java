package com.billingrecon.documents;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the run writes documents (PDF tax invoices, e-invoices, invoice lines) and with which HTML
 * template. {@code --documents} and {@code --invoice-template} on the command line set the same keys.
 *
 * @param template      a Mustache HTML template file replacing the built-in one; empty for the built-in
 * @param threads       how many documents are rendered at once; 0 means one per processor
 * @param exchangeRates Singapore dollars for one unit of each other currency documents are issued in
 *                      ({@code billing-recon.documents.exchange-rates.USD: 1.35}): PINT SG states GST in SGD
 */
@ConfigurationProperties(prefix = "billing-recon.documents")
public record DocumentProperties(boolean enabled, String template, int threads,
                                 Map<String, BigDecimal> exchangeRates) {

    public DocumentProperties {
        // environment variables bind map keys in lower case
        Map<String, BigDecimal> rates = new TreeMap<>();
        if (exchangeRates != null) {
            exchangeRates.forEach((currency, rate) -> rates.put(currency.trim().toUpperCase(Locale.ROOT), rate));
        }
        exchangeRates = Map.copyOf(rates);
    }

    public int poolSize() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** SGD for one unit of {@code currency}: empty for SGD itself, which needs no conversion. */
    Optional<BigDecimal> sgdRate(String currency) {
        if (EInvoiceXml.SGD.equals(currency)) {
            return Optional.empty();
        }
        BigDecimal rate = exchangeRates.get(currency);
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalStateException("no exchange rate to SGD for " + currency
                    + " (billing-recon.documents.exchange-rates." + currency + ")");
        }
        return Optional.of(rate);
    }

    /** The currencies among these, other than SGD, without a positive exchange rate, in order. */
    public List<String> withoutRate(Collection<String> currencies) {
        TreeSet<String> missing = new TreeSet<>();
        for (String currency : currencies) {
            BigDecimal rate = exchangeRates.get(currency);
            if (!EInvoiceXml.SGD.equals(currency) && (rate == null || rate.signum() <= 0)) {
                missing.add(currency);
            }
        }
        return List.copyOf(missing);
    }
}
