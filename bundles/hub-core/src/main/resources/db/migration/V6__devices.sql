-- The device registry: which tenant a device belongs to, how its payload is decoded, which entity it feeds.
CREATE TABLE hub_device (
    device_id   VARCHAR(128) NOT NULL,
    device_type VARCHAR(128) NOT NULL,
    tenant      VARCHAR(63)  NOT NULL,
    entity_type VARCHAR(128) NOT NULL,
    local_id    VARCHAR(256) NOT NULL,
    longitude   DOUBLE PRECISION,
    latitude    DOUBLE PRECISION,
    name        VARCHAR(256),
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_device PRIMARY KEY (device_id)
);
CREATE INDEX ix_hub_device_tenant ON hub_device (tenant);
