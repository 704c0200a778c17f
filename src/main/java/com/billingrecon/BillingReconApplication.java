package com.billingrecon;

import com.billingrecon.cli.BillingRecon;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The nightly close of the books for postpaid accounts. */
@SpringBootApplication
public class BillingReconApplication {

    public static void main(String[] args) {
        System.exit(BillingRecon.run(args).code());
    }
}
