package com.billingrecon.finance;

import com.billingrecon.domain.PaymentTerms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Finance's configuration: the default payment terms and the general-ledger account codes. The defaults
 * follow a common small chart of accounts (1xxx assets, 2xxx liabilities, 4xxx revenue); a finance team
 * sets its own codes with {@code billing-recon.gl.*} properties.
 */
@Configuration
public class FinanceSettings {

    public static final String PAYMENT_TERMS_PROPERTY = "billing-recon.payment-terms-days";

    private static final Map<String, String> DEFAULT_REVENUE = Map.of("CALL", "4010", "SMS", "4020", "FAX", "4030",
            "NUMBER_ACTIVATION", "4040", "SUBSCRIPTION", "4100", "ADDON", "4110", "SERVICE", "4120", "HARDWARE", "4130");

    @Bean
    public PaymentTerms paymentTerms(@Value("${" + PAYMENT_TERMS_PROPERTY + ":30}") int days) {
        return new PaymentTerms(days);
    }

    @Bean
    public GlAccounts glAccounts(Environment env) {
        Map<String, String> revenue = new LinkedHashMap<>();
        for (String product : GlAccounts.PRODUCTS) {
            String key = "billing-recon.gl.revenue." + product.toLowerCase().replace('_', '-');
            revenue.put(product, env.getProperty(key, DEFAULT_REVENUE.get(product)));
        }
        return new GlAccounts(env.getProperty("billing-recon.gl.bank", "1000"),
                env.getProperty("billing-recon.gl.receivables", "1100"),
                env.getProperty("billing-recon.gl.customer-credit", "2100"),
                env.getProperty("billing-recon.gl.gst-output", "2200"), revenue);
    }
}
