package io.urbanhub.core.internal.store;

import java.util.List;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.Input;

/** One input and the observations decoded from it, stored together or not at all. */
public record Write(Input input, List<Observation> observations) {
}
