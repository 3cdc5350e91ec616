package io.urbanhub.route.meter.internal;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.api.spi.DataLayer;

/**
 * One instance per utility and tenant: {@code etc/io.urbanhub.route.utility.meter-<name>.cfg}, running as
 * {@code utility-meter-readings.<name>}. A file is imported once: its name and size are remembered in the
 * folder's {@code .imported-files}, which outlives restarts, and the file moves to {@code .imported}.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = "io.urbanhub.route.utility.meter", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=utility-meter-readings")
@Designate(ocd = MeterReadingsConfig.class, factory = true)
public class MeterReadingsRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReadingsRoutes.class);
    static final int REMEMBERED_FILES = 100_000;

    private final MeterReadingsConfig config;
    private final DataLayer dataLayer;

    @Activate
    public MeterReadingsRoutes(MeterReadingsConfig config, @Reference DataLayer dataLayer) {
        this.config = config;
        this.dataLayer = dataLayer;
    }

    @Override
    public void configure() throws Exception {
        String tenant = Tenants.require(config.tenant());
        // checked now, so that a wrong type or unit fails the instance instead of every reading
        new EntityId(config.entityType(), tenant, "check");
        if (config.folder() == null || config.folder().isBlank()) {
            throw new IllegalArgumentException("folder is required");
        }
        File folder = new File(config.folder());
        Files.createDirectories(folder.toPath());
        String adapter = getCamelContext().getName();
        MeterFileImport files = new MeterFileImport(adapter, tenant, dataLayer, CsvLayout.of(config), config.entityType(),
                config.property(), config.unitCode());
        getCamelContext().getRegistry().bind("importedFiles",
                FileIdempotentRepository.fileIdempotentRepository(new File(folder, ".imported-files"), REMEMBERED_FILES));

        from("file:" + folder.getAbsolutePath() + "?include=.*\\.csv&readLock=changed&readLockMinAge=1000"
                + "&delay=" + config.pollSeconds() * 1000L + "&move=.imported&moveFailed=.failed"
                + "&idempotent=true&idempotentKey=${file:name}-${file:size}&idempotentRepository=#importedFiles")
                .routeId("files")
                .process(exchange -> {
                    String name = exchange.getMessage().getHeader("CamelFileName", String.class);
                    try (Reader csv = new java.io.InputStreamReader(exchange.getMessage().getBody(java.io.InputStream.class),
                            StandardCharsets.UTF_8)) {
                        MeterFileImport.Result result = files.importFile(name, csv);
                        LOG.info("{}: {} readings stored, {} known already, {} dead letters", name, result.stored(),
                                result.duplicates(), result.deadLetters());
                    }
                });
    }
}
