package io.urbanhub.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface AdapterInstances {

    List<AdapterInstanceStatus> instances();
}
