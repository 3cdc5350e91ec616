package io.urbanhub.route.kdn.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A bad configuration starts no route and says what is wrong. */
class Open311ConfigTest {

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        assertEquals("format must be json or xml, not 'csv'", refusal("musterstadt", "http://127.0.0.1/open311/v2", "csv", 60));
    }

    @Test
    void aMissingOrNonHttpEndpointIsRefused() throws Exception {
        assertEquals("endpoint is required, e.g. https://host/open311/v2", refusal("musterstadt", " ", "json", 60));
        assertEquals("endpoint must be an http(s) URL, not 'ftp://host/open311'",
                refusal("musterstadt", "ftp://host/open311", "json", 60));
    }

    @Test
    void aBadTenantOrPollIntervalIsRefused() throws Exception {
        assertEquals("Tenant 'Muster Stadt' must be 1-63 lower-case letters, digits or dashes",
                refusal("Muster Stadt", "http://127.0.0.1/open311/v2", "json", 60));
        assertEquals("pollSeconds must be at least 1, not 0", refusal("musterstadt", "http://127.0.0.1/open311/v2", "json", 0));
    }

    private static String refusal(String tenant, String endpoint, String format, int pollSeconds) throws Exception {
        Open311Routes routes = new Open311Routes(config(tenant, endpoint, format, pollSeconds), null);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("kdn-open311.test");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.addRoutes(routes));
            assertEquals(0, context.getRoutes().size());
            return e.getMessage();
        }
    }

    private static Open311Config config(String tenant, String endpoint, String format, int pollSeconds) {
        return new TestOpen311Config(tenant, endpoint, "", "", "", format, pollSeconds);
    }
}
