package io.urbanhub.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.NoSuchLanguageException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class StartFailuresTest {

    @Test
    void aMissingComponentDeepInTheCauseChainMeansWaiting() {
        Exception failure = new FailedToCreateRouteException("upload", "route", "to[ftp://host]",
                new NoSuchEndpointException("ftp://host"));
        assertTrue(StartFailures.awaitsMissingExtension(new RuntimeCamelException(failure)));
    }

    @Test
    void aMissingLanguageMeansWaiting() {
        assertTrue(StartFailures.awaitsMissingExtension(new RuntimeCamelException(new NoSuchLanguageException("jsonpath"))));
    }

    @Test
    void aBadConfigurationIsAFailureWithItsOwnMessage() {
        Exception failure = new RuntimeCamelException(new IllegalArgumentException("qos must be 0, 1 or 2, not 7"));
        assertFalse(StartFailures.awaitsMissingExtension(failure));
        assertEquals("IllegalArgumentException: qos must be 0, 1 or 2, not 7", StartFailures.reason(failure));
    }
}
