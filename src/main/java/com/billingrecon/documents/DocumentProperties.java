package com.billingrecon.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the run writes documents (PDF tax invoices, e-invoices, invoice lines) and with which HTML
 * template. {@code --documents} and {@code --invoice-template} on the command line set the same keys.
 *
 * @param template a Mustache HTML template file replacing the built-in one; empty for the built-in
 * @param threads  how many documents are rendered at once; 0 means one per processor
 */
@ConfigurationProperties(prefix = "billing-recon.documents")
public record DocumentProperties(boolean enabled, String template, int threads) {

    public int poolSize() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
