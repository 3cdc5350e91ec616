package io.urbanhub.routefiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class XmlFileRoutesTest {

    private static final String GLUE = """
            <routes xmlns="http://camel.apache.org/schema/xml-io">
                <route id="greet">
                    <from uri="direct:in"/>
                    <setBody><simple>Moin ${body}</simple></setBody>
                </route>
            </routes>
            """;

    @Test
    void theFilesRoutesRunInTheContextTheyAreGiven() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            new XmlFileRoutes("glue.xml", GLUE.getBytes(StandardCharsets.UTF_8)).addRoutesToCamelContext(context);
            context.start();
            ProducerTemplate producer = context.createProducerTemplate();

            assertEquals("Moin Musterstadt", producer.requestBody("direct:in", "Musterstadt", String.class));
            assertEquals("greet", context.getRoutes().get(0).getRouteId());
        }
    }

    @Test
    void aFileCamelCannotReadFailsWithCamelsReason() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Exception error = assertThrows(Exception.class, () -> new XmlFileRoutes("broken.xml",
                    "<routes><route><from uri=\"direct:in\"/><nonsense/></route></routes>".getBytes(StandardCharsets.UTF_8))
                    .addRoutesToCamelContext(context));
            assertTrue(String.valueOf(error.getMessage()).contains("nonsense"), String.valueOf(error.getMessage()));
        }
    }

    @Test
    void onlyTenantFoldersAndPlainNamesAreRouteFiles() {
        assertEquals("musterstadt-glue", RouteFile.at(Path.of("routes/musterstadt/glue.xml"), "1").orElseThrow().instance());
        assertTrue(RouteFile.at(Path.of("routes/Muster Stadt/glue.xml"), "1").isEmpty());
        assertTrue(RouteFile.at(Path.of("routes/musterstadt/Glue Route.xml"), "1").isEmpty());
        assertTrue(RouteFile.at(Path.of("routes/musterstadt/glue.yaml"), "1").isEmpty());
    }
}
