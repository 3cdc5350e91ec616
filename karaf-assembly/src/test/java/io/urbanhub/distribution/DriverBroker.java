package io.urbanhub.distribution;

import io.urbanhub.testing.TestMqttBroker;

/**
 * The broker the distribution under test talks to. It runs in the test driver's JVM, beside the
 * Karaf process, and is only touched by the configuration step, never inside the container.
 */
final class DriverBroker {

    private static TestMqttBroker broker;

    private DriverBroker() {
    }

    static synchronized String url() {
        if (broker == null) {
            broker = TestMqttBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker.url();
    }
}
