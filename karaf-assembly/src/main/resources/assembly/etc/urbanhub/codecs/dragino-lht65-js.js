// An example codec: the Dragino LHT65 in the form of The Things Network device repository, for device
// type dragino-lht65-js (the file name). The hub also has a Java decoder for the LHT65, device type
// dragino-lht65; this one shows how a codec and its mapping are written. See README, "JavaScript codecs".

var DATA_PORT = 2;
var LENGTH = 11;
var PROBE_DISCONNECTED = 0x7fff;

const EXTERNAL_SENSORS = {
  0: 'No external sensor',
  1: 'Temperature Sensor',
  4: 'Interrupt Sensor send',
  5: 'Illumination Sensor',
  6: 'ADC Sensor',
  7: 'Interrupt Sensor count'
};

function uint16(bytes, offset) {
  return (bytes[offset] << 8) | bytes[offset + 1];
}

function int16(bytes, offset) {
  const value = uint16(bytes, offset);
  return value & 0x8000 ? value - 0x10000 : value;
}

const round = (value, decimals) => {
  const factor = Math.pow(10, decimals);
  return Math.round(value * factor) / factor;
};

function decodeUplink(input) {
  if (input.fPort !== DATA_PORT) {
    return { errors: ['unknown FPort'] };
  }
  const bytes = input.bytes;
  if (bytes.length !== LENGTH) {
    return { errors: [`LHT65 payload has ${bytes.length} bytes, expected ${LENGTH}`] };
  }
  const data = {
    BatV: (uint16(bytes, 0) & 0x3fff) / 1000,
    Bat_status: bytes[0] >> 6,
    TempC_SHT: round(int16(bytes, 2) / 100, 2),
    Hum_SHT: round(uint16(bytes, 4) / 10, 1)
  };
  const warnings = [];
  const external = bytes[6] & 0x7f;
  data.Ext_sensor = EXTERNAL_SENSORS[external] || 'Unknown sensor type ' + external;
  switch (external) {
    case 1:
      if (uint16(bytes, 7) === PROBE_DISCONNECTED) {
        warnings.push('external temperature probe disconnected');
      } else {
        data.TempC_DS = round(int16(bytes, 7) / 100, 2);
      }
      break;
    case 4:
      data.Exti_pin_level = bytes[7] ? 'High' : 'Low';
      data.Exti_status = bytes[8] ? 'True' : 'False';
      break;
    case 5:
      data.ILL_lx = uint16(bytes, 7);
      break;
    case 6:
      data.ADC_V = uint16(bytes, 7) / 1000;
      break;
    case 7:
      data.Exit_count = uint16(bytes, 7);
      break;
    case 0:
      break;
    default:
      warnings.push(`external sensor type ${external} is not decoded`);
  }
  return { data: data, warnings: warnings };
}
