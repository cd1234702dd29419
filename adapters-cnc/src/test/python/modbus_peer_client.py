"""A Modbus TCP client nobody here wrote (pymodbus 3.x), for ModbusPymodbusInteropTest.

Usage: /usr/bin/python3 modbus_peer_client.py HOST PORT [WEAR_OFFSET]

Reads the simulator's register map (unit 1, see ModbusSimulatorServer) and prints it as one JSON
object; with WEAR_OFFSET, first writes it to T1.wear.x (holding:0..1, float32, one function 16 request).
Exits 1 with the error on stderr when the server cannot be read.
"""
import json
import struct
import sys

from pymodbus.client import ModbusTcpClient

EXECUTION = ["READY", "ACTIVE", "STOPPED", "INTERRUPTED", "FEED_HOLD"]


def float32(high, low):
    return struct.unpack(">f", struct.pack(">HH", high, low))[0]


def checked(response, what):
    if response.isError():
        raise RuntimeError(f"{what}: {response}")
    return response


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    client = ModbusTcpClient(host, port=port, timeout=3)
    if not client.connect():
        print(f"cannot connect to {host}:{port}", file=sys.stderr)
        return 1
    try:
        if len(sys.argv) > 3:
            high, low = struct.unpack(">HH", struct.pack(">f", float(sys.argv[3])))
            checked(client.write_registers(0, [high, low], slave=1), "write T1.wear.x")
        inputs = checked(client.read_input_registers(0, 13, slave=1), "read input:0..12").registers
        holding = checked(client.read_holding_registers(0, 4, slave=1), "read holding:0..3").registers
        coils = checked(client.read_coils(0, 2, slave=1), "read coil:0..1").bits
        print(json.dumps({
            "execution": EXECUTION[inputs[0]],
            "partCount": inputs[1] << 16 | inputs[2],
            "spindleSpeed": inputs[3],
            "spindleLoad": float32(inputs[4], inputs[5]),
            "feedOverride": inputs[6],
            "activeTool": inputs[7],
            "x": float32(inputs[8], inputs[9]),
            "z": float32(inputs[10], inputs[11]),
            "program": inputs[12],
            "wearOffset": float32(holding[0], holding[1]),
            "geometryOffset": float32(holding[2], holding[3]),
            "coolantLow": bool(coils[0]),
            "spindleOverload": bool(coils[1]),
        }))
        return 0
    except Exception as error:  # the Java test shows what went wrong
        print(error, file=sys.stderr)
        return 1
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
