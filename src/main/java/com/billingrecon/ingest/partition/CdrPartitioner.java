package com.billingrecon.ingest.partition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per bucket: {@code partition0} … {@code partition<P-1>}, each with its index and its bucket file. */
public class CdrPartitioner implements Partitioner {

    private final CdrBuckets buckets;

    public CdrPartitioner(CdrBuckets buckets) {
        this.buckets = buckets;
    }

    /** The grid size asked for is P already: the buckets are made for P. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int p = 0; p < buckets.partitions(); p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(CdrPartitionConfiguration.PARTITION, p);
            context.putString(CdrPartitionConfiguration.BUCKET, buckets.bucket(p).toAbsolutePath().toString());
            partitions.put(CdrPartitionConfiguration.PARTITION + p, context);
        }
        return partitions;
    }
}
