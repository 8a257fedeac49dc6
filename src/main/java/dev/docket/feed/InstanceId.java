package dev.docket.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.inject.Singleton;

/** The name this process writes into the change feed, so it can tell its own events from the others'. */
@Singleton
public final class InstanceId {

    private final String value;

    InstanceId(FeedProperties properties) {
        String configured = properties.instanceId();
        // A random suffix even when a name is configured: a restarted process must not mistake its predecessor's
        // events, which it never applied, for its own.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String base = configured == null || configured.isBlank() ? hostName() : configured.strip();
        String id = base + "-" + suffix;
        this.value = id.length() <= 64 ? id : id.substring(id.length() - 64);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "docket";
        }
    }
}
