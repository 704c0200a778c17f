package com.billingrecon.documents;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who bills: the fields a Singapore tax invoice must show about its supplier (IRAS) and that a PINT SG
 * e-invoice requires (address line and postal code, GST registration number, UEN as legal registration).
 * From the application's configuration ({@code billing-recon.supplier.*} in a YAML or properties file, or
 * environment variables such as {@code BILLING_RECON_SUPPLIER_NAME}).
 */
@ConfigurationProperties(prefix = "billing-recon.supplier")
public record SupplierProperties(String name, String addressLine, String city, String postalCode, String country,
                                 String gstNumber, String uen, String peppolId, String email,
                                 String bankName, String bankAccount) {

    /** The configuration keys a document needs and that are not set. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        check(missing, name, "name");
        check(missing, addressLine, "address-line");
        check(missing, postalCode, "postal-code");
        check(missing, gstNumber, "gst-number");
        check(missing, uen, "uen");
        check(missing, bankName, "bank-name");
        check(missing, bankAccount, "bank-account");
        return missing;
    }

    /** ISO 3166 country of the supplier; Singapore unless configured. */
    public String countryCode() {
        return blank(country) ? "SG" : country;
    }

    private static void check(List<String> missing, String value, String key) {
        if (blank(value)) {
            missing.add("billing-recon.supplier." + key);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
