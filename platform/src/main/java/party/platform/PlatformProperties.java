package party.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the platform building blocks, under {@code party.*}.
 *
 * @param events what this service publishes and consumes
 * @param pii keys for personal data
 * @param orgTree whether this service keeps the org-tree projection (organization-service owns the tree)
 * @param paging page size cap
 */
@ConfigurationProperties("party")
public record PlatformProperties(Events events, Pii pii, OrgTree orgTree, Paging paging) {

    public PlatformProperties {
        events = events == null ? new Events(null, null, null, 0, null, null, null) : events;
        pii = pii == null ? new Pii(null, null, null) : pii;
        orgTree = orgTree == null ? new OrgTree(true) : orgTree;
        paging = paging == null ? new Paging(0, 0) : paging;
    }

    /**
     * @param topic the one topic this service produces to, e.g. {@code party.member}
     * @param source the CloudEvents {@code source} of what it publishes, e.g. {@code /member-service}
     * @param consumes topics it consumes (their {@code .dlt} siblings are listed by the DLT admin)
     * @param partitions partitions of the topics this service creates
     * @param sweepInterval how often the outbox sweep republishes what a crash or outage left behind
     * @param sweepGrace age of a pending event before the sweep takes it over from the immediate relay
     * @param fullScanEvery how often the sweep scans the aggregate collections when nothing failed
     *                      (it always scans after a start and a failed publish): the safety net for
     *                      events another replica's crash left behind; cheap on MongoDB with the
     *                      outbox index, a collection scan on the embedded server
     */
    public record Events(String topic, String source, List<String> consumes, int partitions,
                         Duration sweepInterval, Duration sweepGrace, Duration fullScanEvery) {
        public Events {
            consumes = consumes == null ? List.of() : List.copyOf(consumes);
            partitions = partitions <= 0 ? 3 : partitions;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
            sweepGrace = sweepGrace == null ? Duration.ofSeconds(2) : sweepGrace;
            fullScanEvery = fullScanEvery == null ? Duration.ofMinutes(1) : fullScanEvery;
        }
    }

    /**
     * @param activeKeyId id of the key new values are encrypted with
     * @param keys AES-256 keys by id, base64; old ids stay to decrypt what they wrote
     * @param blindIndexKey HMAC key (base64) for exact-match lookup of encrypted values
     */
    public record Pii(String activeKeyId, Map<String, String> keys, String blindIndexKey) {
        public Pii {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    public record OrgTree(boolean projection) {
    }

    /**
     * @param defaultSize page size when the client names none
     * @param maxSize cap on any page size a client asks for
     */
    public record Paging(int defaultSize, int maxSize) {
        public Paging {
            defaultSize = defaultSize <= 0 ? 20 : defaultSize;
            maxSize = maxSize <= 0 ? 100 : maxSize;
        }
    }
}
