package com.billingrecon.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The supplier and the document settings come from the application's configuration. */
@Configuration
@EnableConfigurationProperties({SupplierProperties.class, DocumentProperties.class})
public class DocumentConfiguration {
}
