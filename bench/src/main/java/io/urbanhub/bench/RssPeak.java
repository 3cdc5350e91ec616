package io.urbanhub.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The largest resident set of the hub's JVM, sampled twice a second while it runs. */
final class RssPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    RssPeak(HubProcess hub) {
        sampler = new Thread(() -> {
            while (running) {
                try {
                    peak.accumulateAndGet(hub.usage().rssBytes(), Math::max);
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(2000);
    }
}
