package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void jsonIsReadUpTo64LevelsDeep() {
        assertEquals(1, RequestBodies.json("[".repeat(64) + "]".repeat(64), "x").size());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RequestBodies.json("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}", "The subscription"));
        assertTrue(refused.getMessage().startsWith("The subscription is not JSON"), refused.getMessage());
        assertTrue(refused.getMessage().contains("depth"), refused.getMessage());
    }

    @Test
    void aBodyOfOneMebibyteIsReadAndOneByteMoreIsRefusedWith413() {
        byte[] atTheLimit = new byte[RequestBodies.MAX_BYTES];
        assertEquals(RequestBodies.MAX_BYTES, RequestBodies.text(new ByteArrayInputStream(atTheLimit)).length());
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> RequestBodies.text(new ByteArrayInputStream(new byte[RequestBodies.MAX_BYTES + 1])));
        assertEquals(413, refused.getResponse().getStatus());
    }
}
