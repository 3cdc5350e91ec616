package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.rest.security.internal.TestCallers;

class NgsiLdRequestsTest {

    private final NgsiLdRequests registeredOnly = new NgsiLdRequests("demo", Set.of("musterstadt")::contains, TestCallers.OPERATOR);

    @Test
    void aRegisteredTenantAndTheDefaultExist() {
        assertEquals("musterstadt", registeredOnly.tenant("musterstadt"));
        assertEquals("demo", registeredOnly.tenant(null));
        assertEquals("demo", registeredOnly.tenant("demo"));
    }

    @Test
    void anyOtherTenantIsNonexistent() throws Exception {
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> registeredOnly.tenant("nachbarstadt"));
        assertEquals(404, refused.getResponse().getStatus());
        assertEquals("https://uri.etsi.org/ngsi-ld/errors/NonexistentTenant",
                new ObjectMapper().readTree((String) refused.getResponse().getEntity()).get("type").asText());
    }

    @Test
    void aMalformedTenantIsBadRequestDataBeforeItIsLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> registeredOnly.tenant("Nachbar Stadt"));
        assertThrows(IllegalArgumentException.class, () -> new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR).tenant(" "));
    }

    @Test
    void withoutTheRegistryAnyWellFormedTenantIsServed() {
        assertEquals("nachbarstadt", new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR).tenant("nachbarstadt"));
    }
}
