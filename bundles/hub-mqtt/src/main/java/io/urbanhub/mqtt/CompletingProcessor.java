package io.urbanhub.mqtt;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * A route step that is done when the stage it starts completes, e.g. when the data layer has stored an input. The
 * worker that ran it is free at once: a {@code hub-mqtt} consumer acknowledges the message only when the stage
 * completes, and does not acknowledge it when the stage fails, so the broker sends it again.
 */
public final class CompletingProcessor extends AsyncProcessorSupport {

    private final Function<Exchange, ? extends CompletionStage<?>> step;

    private CompletingProcessor(Function<Exchange, ? extends CompletionStage<?>> step) {
        this.step = step;
    }

    public static CompletingProcessor of(Function<Exchange, ? extends CompletionStage<?>> step) {
        return new CompletingProcessor(step);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> stage;
        try {
            stage = step.apply(exchange).toCompletableFuture();
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (stage.isDone()) {
            failure(stage).ifPresent(exchange::setException);
            callback.done(true);
            return true;
        }
        stage.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            callback.done(false);
        });
        return false;
    }

    private static Optional<Throwable> failure(CompletableFuture<?> done) {
        try {
            done.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            return Optional.of(e);
        }
    }
}
