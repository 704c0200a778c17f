package com.billingrecon.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One currency's figures for each of the last 30 days up to the summary's day, oldest first. */
public record Trend(String currency, List<Day> days) {

    public record Day(LocalDate date, BigDecimal billed, BigDecimal collected, BigDecimal openAr) {
    }
}
