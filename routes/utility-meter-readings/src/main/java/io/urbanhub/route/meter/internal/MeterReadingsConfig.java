package io.urbanhub.route.meter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub utility meter readings",
        description = "Meter readings a utility's meter data management delivers as CSV or EDIFACT MSCONS files, into a folder or on an SFTP server.")
@interface MeterReadingsConfig {

    @AttributeDefinition(description = "Tenant (municipality) the meters belong to, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "Folder the files arrive in; imported ones move to .imported, unreadable ones to .failed. "
            + "Empty when they come by SFTP only", required = false)
    String folder() default "";

    @AttributeDefinition(description = "SFTP folder the files are fetched from, e.g. sftp://mdm.stadtwerke.example:22/outbox; "
            + "imported ones move to its .imported", required = false)
    String sftpUrl() default "";

    @AttributeDefinition(description = "SFTP user", required = false)
    String sftpUsername() default "";

    @AttributeDefinition(description = "SFTP password; empty when a private key is used", type = AttributeType.PASSWORD,
            required = false)
    String sftpPassword() default "";

    @AttributeDefinition(description = "File of the private key the hub logs in with (OpenSSH or PEM format)", required = false)
    String sftpPrivateKeyFile() default "";

    @AttributeDefinition(description = "known_hosts file with the SFTP server's host key, which is checked; required with sftpUrl",
            required = false)
    String sftpKnownHostsFile() default "";

    @AttributeDefinition(description = "Folder for the list of files fetched by SFTP; empty: ${karaf.data}/urbanhub/meter-readings",
            required = false)
    String stateFolder() default "";

    @AttributeDefinition(description = "Seconds between two looks into the folder")
    int pollSeconds() default 10;

    @AttributeDefinition(description = "CSV: column separator")
    String delimiter() default ";";

    @AttributeDefinition(description = "Header of the column with the meter id (metering point)")
    String meterColumn() default "meter";

    @AttributeDefinition(description = "Header of the column with the reading's time")
    String timeColumn() default "time";

    @AttributeDefinition(description = "Header of the column with the meter reading")
    String valueColumn() default "value";

    @AttributeDefinition(description = "Pattern of the time, e.g. dd.MM.yyyy HH:mm; empty: ISO 8601 with offset")
    String timePattern() default "";

    @AttributeDefinition(description = "Time zone of times without an offset")
    String zone() default "Europe/Berlin";

    @AttributeDefinition(description = "Whether numbers are written with a decimal comma, as German exports do")
    boolean decimalComma() default true;

    @AttributeDefinition(description = "MSCONS: OBIS codes beyond the built-in ones, comma-separated OBIS=Type/property/UNIT, "
            + "e.g. 6-*:1.0.0=SmartMeteringObservation/totalConsumption/KWH", required = false)
    String obisCodes() default "";

    @AttributeDefinition(description = "CSV: Smart Data Model type of the meters' entities")
    String entityType() default "WaterConsumptionObserved";

    @AttributeDefinition(description = "Property the reading becomes")
    String property() default "waterConsumption";

    @AttributeDefinition(description = "UN/CEFACT unit code of the readings, e.g. MTQ (m³), LTR, KWH")
    String unitCode() default "MTQ";
}
