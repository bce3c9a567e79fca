package io.attune.recommendation.messaging;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** How consumers tell the event types they handle from the ones they don't know (yet). */
final class CloudEventTypes {

    private CloudEventTypes() {
    }

    /**
     * Whether the record carries another {@code ce_type} than {@code expected}, such as a newer version. Such a
     * record is acknowledged and skipped, not dead-lettered. A record without CloudEvent headers counts as expected.
     */
    static boolean isOther(Message<?> message, String expected) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType)
                .filter(type -> !expected.equals(type))
                .isPresent();
    }
}
