-- Geo-queries first narrow the entities to a box of latitudes and longitudes, then test each exactly.
CREATE INDEX ix_hub_entity_position ON hub_entity (tenant, latitude, longitude);
