-- The municipalities the hub serves.
CREATE TABLE hub_tenant (
    tenant   VARCHAR(63)  NOT NULL,
    name     VARCHAR(256) NOT NULL,
    ags      VARCHAR(12),
    contact  VARCHAR(256),
    saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_tenant PRIMARY KEY (tenant)
);
