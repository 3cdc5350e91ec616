package io.urbanhub.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.Input;

/** The checks every observation passes before it is stored; a failure names what is wrong. */
final class ObservationValidator {

    /** Clocks of field devices drift; readings from further ahead are wrong, not early. */
    private static final Duration MAX_FUTURE = Duration.ofHours(1);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private ObservationValidator() {
    }

    static Optional<String> problem(Input input, List<Observation> observations, Instant now) {
        if (observations.isEmpty()) {
            return Optional.of("no observations in the input");
        }
        for (Observation observation : observations) {
            String entity = observation.entity().urn();
            if (!observation.tenant().equals(input.tenant())) {
                return Optional.of(entity + " belongs to tenant " + observation.tenant() + ", not to " + input.tenant());
            }
            if (observation.properties().isEmpty()) {
                return Optional.of(entity + " has no properties");
            }
            if (observation.observedAt().isAfter(now.plus(MAX_FUTURE))) {
                return Optional.of(entity + " observedAt " + observation.observedAt() + " lies in the future");
            }
            if (observation.observedAt().isBefore(EARLIEST)) {
                return Optional.of(entity + " observedAt " + observation.observedAt() + " lies before 2000");
            }
        }
        return Optional.empty();
    }
}
