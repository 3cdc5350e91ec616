package io.urbanhub.route.meter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub utility meter readings",
        description = "Meter readings a utility's meter data management delivers as CSV files into a folder.")
@interface MeterReadingsConfig {

    @AttributeDefinition(description = "Tenant (municipality) the meters belong to, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "Folder the files arrive in; imported ones move to .imported, unreadable ones to .failed")
    String folder();

    @AttributeDefinition(description = "Seconds between two looks into the folder")
    int pollSeconds() default 10;

    @AttributeDefinition(description = "Column separator")
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

    @AttributeDefinition(description = "Smart Data Model type of the meters' entities")
    String entityType() default "WaterConsumptionObserved";

    @AttributeDefinition(description = "Property the reading becomes")
    String property() default "waterConsumption";

    @AttributeDefinition(description = "UN/CEFACT unit code of the readings, e.g. MTQ (m³), LTR, KWH")
    String unitCode() default "MTQ";
}
