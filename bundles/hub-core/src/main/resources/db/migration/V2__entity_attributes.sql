-- The current value of every attribute of every entity, so that queries on values (NGSI-LD q)
-- run as plain SQL on H2 and PostgreSQL alike.
CREATE TABLE hub_entity_attribute (
    tenant        VARCHAR(63)  NOT NULL,
    entity_id     VARCHAR(512) NOT NULL,
    attribute     VARCHAR(128) NOT NULL,
    observed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    value_number  DOUBLE PRECISION,
    value_text    VARCHAR(1024),
    value_boolean BOOLEAN,
    CONSTRAINT pk_hub_entity_attribute PRIMARY KEY (tenant, entity_id, attribute)
);
CREATE INDEX ix_hub_entity_attribute_number ON hub_entity_attribute (tenant, attribute, value_number);
CREATE INDEX ix_hub_entity_attribute_text ON hub_entity_attribute (tenant, attribute, value_text);

-- Entities stored before: the values of the observation that is their current state.
INSERT INTO hub_entity_attribute (tenant, entity_id, attribute, observed_at, value_number, value_text, value_boolean)
SELECT o.tenant, o.entity_id, o.attribute, o.observed_at, o.value_number, o.value_text, o.value_boolean
FROM hub_observation o
JOIN hub_entity e ON e.tenant = o.tenant AND e.entity_id = o.entity_id AND e.observed_at = o.observed_at
WHERE o.id IN (SELECT MAX(id) FROM hub_observation GROUP BY tenant, entity_id, attribute, observed_at);
