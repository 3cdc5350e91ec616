package io.urbanhub.rest.opendata.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub open data on a CKAN portal",
        description = "Keeps one CKAN package per open type of a tenant up to date, through the CKAN Action API v3.")
@interface CkanConfig {

    @AttributeDefinition(description = "Tenant whose open types are published")
    String tenant();

    @AttributeDefinition(description = "Base URL of the CKAN portal, e.g. https://ckan.example.org")
    String ckanUrl();

    @AttributeDefinition(description = "API token of a CKAN user that may edit the organization's packages",
            type = AttributeType.PASSWORD)
    String apiToken();

    @AttributeDefinition(description = "Name or id of the CKAN organization that owns the packages")
    String organization();

    @AttributeDefinition(description = "Minutes between two publications; a failed one is tried again at the next")
    int intervalMinutes() default 60;
}
