package io.urbanhub.demo.internal;

/** Builds Dragino LHT65 FPort 2 payloads, as the sensor sends them, for the simulated devices. */
final class Lht65Encoder {

    private Lht65Encoder() {
    }

    static byte[] encode(double batteryVolts, double celsius, double humidityPercent, double probeCelsius) {
        int battery = 0xC000 | (int) Math.round(batteryVolts * 1000) & 0x3FFF;
        int temperature = (int) Math.round(celsius * 100);
        int humidity = (int) Math.round(humidityPercent * 10);
        int probe = (int) Math.round(probeCelsius * 100);
        return new byte[] {
            (byte) (battery >> 8), (byte) battery,
            (byte) (temperature >> 8), (byte) temperature,
            (byte) (humidity >> 8), (byte) humidity,
            0x01,
            (byte) (probe >> 8), (byte) probe,
            0x7F, (byte) 0xFF
        };
    }
}
