package io.urbanhub.route.meter.internal;

import java.lang.annotation.Annotation;

/** An instance's configuration as an admin would write it: a tenant, where files come from, German CSV. */
final class TestSettings implements MeterReadingsConfig {

    String folder = "";
    String sftpUrl = "";
    String sftpUsername = "";
    String sftpPassword = "";
    String sftpKnownHostsFile = "";
    String stateFolder = "";

    @Override
    public Class<? extends Annotation> annotationType() {
        return MeterReadingsConfig.class;
    }

    @Override
    public String tenant() {
        return "stadtwerke";
    }

    @Override
    public String folder() {
        return folder;
    }

    @Override
    public String sftpUrl() {
        return sftpUrl;
    }

    @Override
    public String sftpUsername() {
        return sftpUsername;
    }

    @Override
    public String sftpPassword() {
        return sftpPassword;
    }

    @Override
    public String sftpPrivateKeyFile() {
        return "";
    }

    @Override
    public String sftpKnownHostsFile() {
        return sftpKnownHostsFile;
    }

    @Override
    public String stateFolder() {
        return stateFolder;
    }

    @Override
    public int pollSeconds() {
        return 1;
    }

    @Override
    public String delimiter() {
        return ";";
    }

    @Override
    public String meterColumn() {
        return "meter";
    }

    @Override
    public String timeColumn() {
        return "time";
    }

    @Override
    public String valueColumn() {
        return "value";
    }

    @Override
    public String timePattern() {
        return "dd.MM.yyyy HH:mm";
    }

    @Override
    public String zone() {
        return "Europe/Berlin";
    }

    @Override
    public boolean decimalComma() {
        return true;
    }

    @Override
    public String obisCodes() {
        return "";
    }

    @Override
    public String entityType() {
        return "WaterConsumptionObserved";
    }

    @Override
    public String property() {
        return "waterConsumption";
    }

    @Override
    public String unitCode() {
        return "MTQ";
    }
}
