package com.billingrecon.finance;

import java.util.Map;
import java.util.Objects;

/**
 * The general-ledger account codes the journal posts to, from configuration ({@code billing-recon.gl.*}).
 *
 * @param revenue the revenue account per product: usage types (CALL, SMS, FAX, NUMBER_ACTIVATION) and charge
 *                types (SUBSCRIPTION, ADDON, SERVICE, HARDWARE)
 */
public record GlAccounts(String bank, String receivables, String customerCredit, String gstOutput,
                         Map<String, String> revenue) {

    /** Every product an invoice line can be, in the order the journal lists revenue lines. */
    public static final java.util.List<String> PRODUCTS = java.util.List.of("CALL", "SMS", "FAX", "NUMBER_ACTIVATION",
            "SUBSCRIPTION", "ADDON", "SERVICE", "HARDWARE");

    public GlAccounts {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(receivables, "receivables");
        Objects.requireNonNull(customerCredit, "customerCredit");
        Objects.requireNonNull(gstOutput, "gstOutput");
        revenue = Map.copyOf(revenue);
        for (String product : PRODUCTS) {
            if (!revenue.containsKey(product)) {
                throw new IllegalArgumentException("no revenue account for " + product);
            }
        }
    }

    public String revenueFor(String product) {
        String code = revenue.get(product);
        if (code == null) {
            throw new IllegalArgumentException("not a product: " + product);
        }
        return code;
    }
}
