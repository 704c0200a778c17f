package com.billingrecon.ingest;

import java.io.IOException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** A day's first step: the account master loaded ({@link AccountMaster}) in the step's transaction. */
public class AccountsLoadTasklet implements Tasklet {

    private final InputDirectory input;
    private final AccountMaster accounts;

    public AccountsLoadTasklet(InputDirectory input, AccountMaster accounts) {
        this.input = input;
        this.accounts = accounts;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        accounts.load(input);
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
