package io.urbanhub.rest.ngsild.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a subscription's notifications fare: the counters and times NGSI-LD shows in its notification part. */
final class DeliveryStatus {

    record Snapshot(long timesSent, long timesFailed, long throttled, long dropped, Instant lastNotification,
                    Instant lastSuccess, Instant lastFailure, String lastFailureReason) {

        void writeTo(ObjectNode notification) {
            // NGSI-LD counts from 1: a subscription that has not notified yet shows no count
            if (timesSent > 0) {
                notification.put("timesSent", timesSent);
            }
            if (timesFailed > 0) {
                notification.put("timesFailed", timesFailed);
            }
            put(notification, "lastNotification", lastNotification);
            put(notification, "lastSuccess", lastSuccess);
            put(notification, "lastFailure", lastFailure);
            if (lastNotification != null) {
                boolean failing = lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
                notification.put("status", failing ? "failed" : "ok");
            }
        }

        private static void put(ObjectNode node, String field, Instant value) {
            if (value != null) {
                node.put(field, value.toString());
            }
        }
    }

    private long timesSent;
    private long timesFailed;
    private long throttled;
    private long dropped;
    private Instant lastNotification;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastFailureReason;

    /** Takes the turn to notify unless the throttling period since the last notification has not passed. */
    synchronized boolean claimTurn(Instant now, long throttlingSeconds) {
        if (throttlingSeconds > 0 && lastNotification != null
                && now.isBefore(lastNotification.plusSeconds(throttlingSeconds))) {
            throttled++;
            return false;
        }
        lastNotification = now;
        return true;
    }

    synchronized void attempted() {
        timesSent++;
    }

    synchronized void succeeded(Instant at) {
        lastSuccess = at;
    }

    synchronized void failed(Instant at, String reason) {
        timesFailed++;
        lastFailure = at;
        lastFailureReason = reason;
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(timesSent, timesFailed, throttled, dropped, lastNotification, lastSuccess, lastFailure,
                lastFailureReason);
    }
}
