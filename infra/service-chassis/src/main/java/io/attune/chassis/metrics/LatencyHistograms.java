package io.attune.chassis.metrics;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes percentile histograms for the latency timers that alerts read (p99 across replicas needs buckets;
 * client-side percentiles cannot be aggregated): HTTP requests, and ours (engine, consumer processing).
 */
public class LatencyHistograms {

    private static final List<String> TIMERS = List.of("http.server.requests", "attune.");

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && TIMERS.stream().anyMatch(id.getName()::startsWith)) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
