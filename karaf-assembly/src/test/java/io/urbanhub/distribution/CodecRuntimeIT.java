package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;

/**
 * Boots the distribution and works its codec folder as an integrator would: the shipped example passes
 * its device-repository vectors on the console; a codec dropped in at run time becomes a decoder the hub
 * uses, is replaced when its file changes, is withdrawn when it breaks or goes; a looping codec fails its
 * own calls only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CodecRuntimeIT {

    private static final String SENSOR = "it-sensor";
    /** Temperature 0x0866 = 2150 hundredths of a degree, then a byte the codec names by a regular expression. */
    private static final byte[] UPLINK = {0x08, 0x66, 0x0A};

    @Inject
    BundleContext bundleContext;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    PayloadDecoders decoders;

    @Configuration
    public Option[] distribution() {
        return Distribution.options(editConfigurationFilePut("etc/io.urbanhub.codecs.cfg", "pollMillis", "250"));
    }

    @Test
    public void a_theShippedExampleCodecPassesTheVectorsOfTheDeviceRepositoryOnTheConsole() throws Exception {
        await("the example codec to load", () -> console("hub:codecs --no-format").lines()
                .anyMatch(line -> line.startsWith("dragino-lht65-js") && line.contains("dragino-lht65-js.mapping") && line.contains("LOADED")));
        String check = console("hub:codec-check --no-format dragino-lht65-js etc/urbanhub/codecs/dragino-lht65-js-codec.yaml");
        assertTrue(check, check.lines().anyMatch(line -> line.startsWith("Temperature") && line.contains("PASS")));
        assertTrue(check, check.lines().anyMatch(line -> line.startsWith("Unknown FPort") && line.contains("PASS")));
        assertTrue(check, check.contains("2 of 2 examples passed"));

        Decoded decoded = decoder("dragino-lht65-js").decode(2,
                new byte[] {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF});
        assertEquals(Property.of(28.29, "CEL"), decoded.properties().get("temperature"));
        assertEquals(Property.of(88.6, "P1"), decoded.properties().get("relativeHumidity"));
        assertFalse("Ext_sensor is dropped by the mapping", decoded.properties().containsKey("Ext_sensor"));
    }

    @Test
    public void b_aCodecDroppedInAtRunTimeIsADecoderUntilItIsReplacedBrokenOrDeleted() throws Exception {
        write(SENSOR + ".mapping", "t -> temperature CEL\nkind -> sensorKind\n");
        write(SENSOR + ".js", """
                const kinds = ['off', 'on'];
                function decodeUplink(input) {
                  const hex = input.bytes.map((b) => ('0' + b.toString(16)).slice(-2)).join('');
                  return { data: { t: ((input.bytes[0] << 8) | input.bytes[1]) / 100, kind: /0a$/.test(hex) ? 'ten' : kinds[0] } };
                }""");
        await("the decoder of " + SENSOR, () -> service(SENSOR).isPresent());
        PayloadDecoder first = decoders.forDeviceType(SENSOR).orElseThrow();
        Decoded decoded = first.decode(2, UPLINK);
        assertEquals(Map.of("temperature", Property.of(21.5, "CEL"), "sensorKind", Property.of("ten")), decoded.properties());
        String listed = console("hub:codecs --no-format");
        assertTrue(listed, listed.lines().anyMatch(line -> line.startsWith(SENSOR) && line.contains("LOADED")));

        long firstId = serviceId(SENSOR);
        write(SENSOR + ".js", "function decodeUplink(input) { return { data: { t: input.bytes[0] * 10, version: 2 } }; }");
        await("the decoder of " + SENSOR + " to be replaced", () -> service(SENSOR).isPresent() && serviceId(SENSOR) != firstId);
        Decoded replaced = decoders.forDeviceType(SENSOR).orElseThrow().decode(2, UPLINK);
        assertEquals(Map.of("temperature", Property.of(80.0, "CEL"), "version", Property.of(2.0)), replaced.properties());

        write(SENSOR + ".js", "function decodeUplink(input) {\n  return { data: ;\n}");
        await("the broken " + SENSOR + " to be withdrawn", () -> service(SENSOR).isEmpty());
        String failed = console("hub:codecs --no-format");
        assertTrue(failed, failed.lines().anyMatch(line -> line.startsWith(SENSOR) && line.contains("FAILED") && line.contains("line 2")));
        assertTrue(decoders.forDeviceType(SENSOR).isEmpty());

        write(SENSOR + ".js", "function decodeUplink(input) { return { data: { t: 1 } }; }");
        await("the mended " + SENSOR, () -> service(SENSOR).isPresent());
        Files.delete(codecs().resolve(SENSOR + ".js"));
        await(SENSOR + " to go", () -> service(SENSOR).isEmpty());
        String gone = console("hub:codecs --no-format");
        assertFalse(gone, gone.lines().anyMatch(line -> line.startsWith(SENSOR)));
    }

    @Test
    public void c_aLoopingCodecFailsItsOwnCallsWithinTheTimeLimitAndNothingElse() throws Exception {
        write("it-loop.js", "function decodeUplink(input) { while (true) {} }");
        await("the decoder of it-loop", () -> service("it-loop").isPresent());
        long start = System.nanoTime();
        try {
            decoder("it-loop").decode(2, UPLINK);
            fail("a looping codec decoded");
        } catch (DecodingException e) {
            assertTrue(e.getMessage(), e.getMessage().equals("the codec ran longer than 100 ms")
                    || e.getMessage().equals("the codec used more than 10000000 instructions"));
        }
        assertTrue("answered within the limit and its grace", (System.nanoTime() - start) / 1_000_000 < 1_000);
        assertEquals(Bundle.ACTIVE, new InContainer(bundleContext).bundle("io.urbanhub.codecs").getState());
        assertEquals(Property.of(28.29, "CEL"), decoder("dragino-lht65-js").decode(2,
                new byte[] {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF})
                .properties().get("temperature"));
        Files.delete(codecs().resolve("it-loop.js"));
        await("it-loop to go", () -> service("it-loop").isEmpty());
    }

    private String console(String command) throws Exception {
        return Console.execute(sessionFactory, command);
    }

    private static Path codecs() {
        return Path.of(System.getProperty("karaf.etc"), "urbanhub", "codecs");
    }

    /** Writes beside the file and moves it in, as the README advises, so the hub never reads half a file. */
    private static void write(String name, String text) throws Exception {
        Path next = codecs().resolve("." + name + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, codecs().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<ServiceReference<PayloadDecoder>> service(String deviceType) throws Exception {
        Collection<ServiceReference<PayloadDecoder>> references =
                bundleContext.getServiceReferences(PayloadDecoder.class, "(" + PayloadDecoder.DEVICE_TYPE + "=" + deviceType + ")");
        return references.stream().findFirst();
    }

    private long serviceId(String deviceType) throws Exception {
        return (Long) service(deviceType).orElseThrow().getProperty("service.id");
    }

    private PayloadDecoder decoder(String deviceType) throws Exception {
        await("the decoder of " + deviceType, () -> service(deviceType).isPresent());
        return bundleContext.getService(service(deviceType).orElseThrow());
    }
}
