package com.billingrecon.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Renders documents on a small pool: the template, the font and the colour profile are loaded once, and each
 * document (its HTML, PDF and e-invoice) is rendered by one thread. At most a few documents per thread are in
 * flight, so memory does not grow with the number of documents of a day.
 */
@Component
public class DocumentRenderer implements DisposableBean {

    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final DocumentProperties properties;
    private volatile DocumentTemplate template;
    private volatile InvoicePdf pdf;
    private volatile ExecutorService pool;

    public DocumentRenderer(DocumentProperties properties) {
        this.properties = properties;
    }

    /** The PDF of a document; the same bytes for the same document and supplier. */
    public byte[] pdf(InvoiceDocument document, SupplierProperties supplier) throws IOException {
        start();
        BigDecimal sgdRate = properties.sgdRate(document.currency()).orElse(null);
        return pdf.render(template.html(document, supplier, sgdRate),
                DocumentTemplate.title(document) + " " + document.documentNo(),
                document.issueDate());
    }

    /** A run of documents written into two folders; {@link #finish} waits for the last and reports a failure. */
    public Batch batch() {
        start();
        return new Batch();
    }

    private synchronized void start() {
        if (pool == null) {
            template = DocumentTemplate.load(properties.template());
            pdf = new InvoicePdf();
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(properties.poolSize(), task -> {
                Thread thread = new Thread(task, "documents-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public final class Batch {
        private final Deque<Future<?>> inFlight = new ArrayDeque<>();
        private final int limit = properties.poolSize() * IN_FLIGHT_PER_THREAD;

        public void submit(InvoiceDocument document, SupplierProperties supplier, Path pdfs, Path einvoices) {
            while (inFlight.size() >= limit) {
                await(inFlight.removeFirst());
            }
            inFlight.addLast(pool.submit(() -> {
                Files.write(pdfs.resolve(document.documentNo() + ".pdf"), pdf(document, supplier));
                if (EInvoiceXml.missing(document).isEmpty()) {
                    Files.write(einvoices.resolve(document.documentNo() + ".xml"), EInvoiceXml.write(document, supplier,
                            properties.sgdRate(document.currency()).orElse(null)));
                }
                return null;
            }));
        }

        public void finish() throws IOException {
            try {
                while (!inFlight.isEmpty()) {
                    await(inFlight.removeFirst());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                inFlight.forEach(f -> f.cancel(true));
            }
        }

        private void await(Future<?> future) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while documents were rendered", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw new IllegalStateException("a document could not be rendered: " + e.getCause(), e.getCause());
            }
        }
    }
}
