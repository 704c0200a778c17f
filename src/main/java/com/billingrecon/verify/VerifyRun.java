package com.billingrecon.verify;

import com.billingrecon.job.ExitCode;
import com.billingrecon.totals.TotalsCheck;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The verify command: after an upgrade or a restore, whether the running totals and the invoices still
 * agree with the history. Each difference is a line on stdout, sorted by account; exit 3 when there is one.
 */
@Component
public class VerifyRun {

    private static final Logger log = LoggerFactory.getLogger(VerifyRun.class);

    private final TotalsCheck check;

    public VerifyRun(TotalsCheck check) {
        this.check = check;
    }

    public ExitCode run() {
        List<TotalsCheck.Difference> differences = check.differences();
        differences.forEach(d -> System.out.println(d.line()));
        long accounts = differences.stream().map(TotalsCheck.Difference::accountId).distinct().count();
        if (differences.isEmpty()) {
            log.info("Summary: verify found the running totals and invoices equal to the history, exit code 0");
            return ExitCode.DONE;
        }
        log.warn("Summary: verify found {} differences in {} accounts, exit code 3", differences.size(), accounts);
        return ExitCode.DONE_WITH_FILES_TO_CHECK;
    }
}
