package io.urbanhub.route.meter.internal;

import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.Locale;

import org.apache.camel.Exchange;
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
import org.slf4j.MDC;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.LogContext;
import io.urbanhub.api.spi.Secrets;

/**
 * One instance per utility and tenant: {@code etc/io.urbanhub.route.utility.meter-<name>.cfg}, running as
 * {@code utility-meter-readings.<name>}, fetching from a folder, an SFTP server or both. {@code .csv} files are read
 * with the configured columns, {@code .edi} and {@code .mscons} files as EDIFACT MSCONS. A file is imported once:
 * its name and size are remembered in a list that outlives restarts, and it moves to {@code .imported} once every
 * reading in it is durable.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = "io.urbanhub.route.utility.meter", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=utility-meter-readings")
@Designate(ocd = MeterReadingsConfig.class, factory = true)
public class MeterReadingsRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReadingsRoutes.class);
    static final int REMEMBERED_FILES = 100_000;
    private static final String FILES = "include=(?i).*\\.(csv|edi|mscons)&readLock=changed&readLockMinAge=1000"
            + "&move=.imported&moveFailed=.failed&idempotent=true&idempotentKey=${file:name}-${file:size}";

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
        // checked now, so that a wrong type, unit table or zone fails the instance instead of every reading
        new EntityId(config.entityType(), tenant, "check");
        ZoneId zone = ZoneId.of(config.zone());
        CsvReadingsImport csv = new CsvReadingsImport(CsvLayout.of(config), config.entityType(), config.property(),
                config.unitCode());
        MsconsReadingsImport mscons = new MsconsReadingsImport(ObisTargets.of(config.obisCodes()), zone);
        String adapter = getCamelContext().getName();
        boolean fromFolder = !config.folder().isBlank();
        boolean fromSftp = !config.sftpUrl().isBlank();
        if (!fromFolder && !fromSftp) {
            throw new IllegalArgumentException("folder or sftpUrl is required");
        }
        String delay = "&delay=" + config.pollSeconds() * 1000L;
        if (fromFolder) {
            File folder = new File(config.folder());
            Files.createDirectories(folder.toPath());
            bindImportedFiles("folderImportedFiles", new File(folder, ".imported-files"));
            from("file:" + folder.getAbsolutePath() + "?" + FILES + delay + "&idempotentRepository=#folderImportedFiles")
                    .routeId("files")
                    .process(exchange -> importFile(exchange, adapter, tenant, csv, mscons, "file"));
        }
        if (fromSftp) {
            File state = config.stateFolder().isBlank()
                    ? new File(System.getProperty("karaf.data", "data"), "urbanhub/meter-readings") : new File(config.stateFolder());
            Files.createDirectories(state.toPath());
            bindImportedFiles("sftpImportedFiles", new File(state, adapter + ".sftp-imported-files"));
            from(sftpUri() + "&" + FILES + delay + "&idempotentRepository=#sftpImportedFiles")
                    .routeId("sftp")
                    .process(exchange -> importFile(exchange, adapter, tenant, csv, mscons, "sftp"));
        }
    }

    private void bindImportedFiles(String name, File list) {
        getCamelContext().getRegistry().bind(name, FileIdempotentRepository.fileIdempotentRepository(list, REMEMBERED_FILES));
    }

    /** The SFTP endpoint; the password goes in RAW so that no character of it is read as URI syntax. */
    String sftpUri() {
        URI url = URI.create(config.sftpUrl());
        if (!"sftp".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("sftpUrl '" + config.sftpUrl() + "' is not sftp://host[:port]/folder");
        }
        if (config.sftpKnownHostsFile().isBlank()) {
            throw new IllegalArgumentException("sftpKnownHostsFile is required: the server's host key is always checked");
        }
        if (config.sftpPassword().isBlank() && config.sftpPrivateKeyFile().isBlank()) {
            throw new IllegalArgumentException("sftpPassword or sftpPrivateKeyFile is required");
        }
        StringBuilder uri = new StringBuilder("sftp://").append(url.getHost()).append(':')
                .append(url.getPort() < 0 ? 22 : url.getPort()).append(url.getPath().isEmpty() ? "/" : url.getPath())
                .append("?username=").append(config.sftpUsername())
                .append("&knownHostsFile=").append(config.sftpKnownHostsFile())
                .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true&stepwise=false")
                .append("&throwExceptionOnConnectFailed=true");
        if (!config.sftpPassword().isBlank()) {
            uri.append("&password=RAW(").append(Secrets.reveal(config.sftpPassword())).append(')');
        }
        if (!config.sftpPrivateKeyFile().isBlank()) {
            uri.append("&privateKeyFile=").append(config.sftpPrivateKeyFile());
        }
        return uri.toString();
    }

    private void importFile(Exchange exchange, String adapter, String tenant, CsvReadingsImport csv, MsconsReadingsImport mscons,
                            String via) throws Exception {
        // every line logged during the import, dead letters included, names tenant and adapter instance
        try (MDC.MDCCloseable t = MDC.putCloseable(LogContext.TENANT, tenant);
             MDC.MDCCloseable a = MDC.putCloseable(LogContext.ADAPTER, adapter)) {
            importLogged(exchange, adapter, tenant, csv, mscons, via);
        }
    }

    private void importLogged(Exchange exchange, String adapter, String tenant, CsvReadingsImport csv,
                              MsconsReadingsImport mscons, String via) throws Exception {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        boolean isCsv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        ReadingSink sink = new ReadingSink(adapter, tenant, isCsv ? CsvReadingsImport.SYSTEM : MsconsReadingsImport.SYSTEM,
                dataLayer);
        try (InputStream file = exchange.getMessage().getBody(InputStream.class)) {
            if (isCsv) {
                try (Reader reader = new InputStreamReader(file, StandardCharsets.UTF_8)) {
                    csv.importFile(name, reader, sink);
                }
            } else {
                mscons.importFile(name, file, sink);
            }
        }
        ReadingSink.Result result = sink.finish();
        LOG.info("{} by {}: {} readings stored, {} known already, {} dead letters", name, via, result.stored(),
                result.duplicates(), result.deadLetters());
    }
}
