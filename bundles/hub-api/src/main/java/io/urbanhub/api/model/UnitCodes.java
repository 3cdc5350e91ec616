package io.urbanhub.api.model;

/** The UN/CEFACT Recommendation 20 common codes the hub's decoders use. */
public final class UnitCodes {

    public static final String DEGREE_CELSIUS = "CEL";
    public static final String PERCENT = "P1";
    public static final String VOLT = "VLT";
    public static final String METRE = "MTR";
    public static final String CUBIC_METRE = "MTQ";
    public static final String LITRE = "LTR";
    public static final String KILOWATT_HOUR = "KWH";
    public static final String HECTOPASCAL = "A97";
    public static final String PARTS_PER_MILLION = "59";
    public static final String MICROGRAM_PER_CUBIC_METRE = "GQ";
    public static final String SECOND = "SEC";

    private UnitCodes() {
    }
}
