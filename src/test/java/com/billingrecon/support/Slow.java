package com.billingrecon.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An end-to-end test class that runs many nights, child processes or embedded servers: left out of the
 * edit loop ({@code mvn test -Pfast}), always run by {@code mvn test} and CI. Tagged for JUnit and jqwik alike.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
@net.jqwik.api.Tag(Slow.TAG)
public @interface Slow {

    String TAG = "slow";
}
