package com.billingrecon;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application context of one run: every package below this one. The process starts in
 * {@code cli.BillingRecon}, which builds this context once the command line and the database are checked.
 */
@SpringBootApplication
public class BillingReconApplication {
}
