/**
 * The job vocabulary the features and the run commands share: the day job's parameter names and their
 * {@code @Value} expressions, the step counts and their log line, the business days and the billing settings,
 * and what a command is asked for and ends with (run request, exit codes, usage errors). It imports nothing
 * of the application but {@code domain}.
 */
package com.billingrecon.job;
