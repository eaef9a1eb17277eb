package party.bench;

import java.nio.file.Path;
import java.time.Duration;

/** What one bench run measured; latencies in milliseconds. */
record Report(BenchOptions options, Duration startup, double registrationsPerSecond, double p50Millis,
              double p99Millis, int failures, double eventP50Millis, double eventP99Millis, long residentMegabytes,
              Path file) {

    Report writtenTo(Path path) {
        return new Report(options, startup, registrationsPerSecond, p50Millis, p99Millis, failures, eventP50Millis,
                eventP99Millis, residentMegabytes, path);
    }

    String markdown() {
        return """
                # Bench: member registration slice

                | measure | value |
                |---|---|
                | machine | %d cores, JDK %s |
                | stack start (in-process, fresh data) | %d ms |
                | registrations through the gateway | %d, %d in flight |
                | throughput | %.1f registrations/s |
                | latency p50 / p99 | %.1f ms / %.1f ms |
                | failed requests | %d |
                | event latency (201 to updated count through the gateway), p50 / p99 over %d samples | %.1f ms / %.1f ms |
                | resident memory (stack + load generator) | %d MB |

                One demo user (admin, PKCE token) drives the load; the gateway's per-principal rate limit is
                raised to %d/s for the run. Stack: standalone in the bench JVM, fresh data folder, free ports.
                """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), startup.toMillis(),
                options.registrations(), options.concurrency(), registrationsPerSecond, p50Millis, p99Millis, failures,
                options.latencySamples(), eventP50Millis, eventP99Millis, residentMegabytes, Bench.RATE_LIMIT);
    }
}
