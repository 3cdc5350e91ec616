package io.urbanhub.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub data layer",
        description = "Batched writes, de-duplication, dead letters and the MQTT republication of stored observations.")
@interface CoreConfig {

    @AttributeDefinition(description = "Hours a message id (device + frame counter) counts as seen")
    long dedup_window_hours() default 24;

    @AttributeDefinition(description = "Inputs the store's write buffer holds; when it is full, adapters wait")
    int store_buffer_capacity() default 10_000;

    @AttributeDefinition(description = "Seconds an adapter waits for room in a full buffer before its input fails")
    int store_buffer_maxWaitSeconds() default 30;

    @AttributeDefinition(description = "Most inputs written in one transaction")
    int store_batch_size() default 500;

    @AttributeDefinition(description = "Milliseconds a batch waits to fill up; 0: written as soon as the writer is free")
    int store_batch_lingerMillis() default 0;

    @AttributeDefinition(description = "Transactions written at once on PostgreSQL (H2 writes one at a time)")
    int store_writers() default 2;

    @AttributeDefinition(description = "Folder of the spool that keeps accepted inputs on disk while the database is away,"
            + " written to the store once it answers again; empty: urbanhub/spool in the Karaf data folder")
    String store_spool_folder() default "";

    @AttributeDefinition(description = "Megabytes the spool may hold; when it is full, inputs fail and are not"
            + " acknowledged, so their sources deliver them again; 0: no spool")
    long store_spool_maxMegabytes() default 1024;

    @AttributeDefinition(description = "Seconds between attempts to reach the database while the spool holds inputs")
    int store_spool_retrySeconds() default 2;

    @AttributeDefinition(description = "Broker to republish stored observations to, e.g. tcp://127.0.0.1:1883; empty: off")
    String republish_brokerUrl() default "";

    @AttributeDefinition(description = "Topic prefix of republished observations")
    String republish_topicPrefix() default "hub";

    @AttributeDefinition(description = "QoS of republished observations")
    int republish_qos() default 0;

    @AttributeDefinition(description = "Broker user name")
    String republish_username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Broker password")
    String republish_password() default "";
}
