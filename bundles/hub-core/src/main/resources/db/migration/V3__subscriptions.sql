-- NGSI-LD subscriptions, kept as their JSON documents so that they outlive a restart.
CREATE TABLE hub_subscription (
    tenant          VARCHAR(63)  NOT NULL,
    subscription_id VARCHAR(512) NOT NULL,
    document        ${text_type} NOT NULL,
    saved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_subscription PRIMARY KEY (tenant, subscription_id)
);
