"""A Modbus TCP server nobody here wrote (pymodbus 3.x), for ModbusPymodbusInteropTest.

Usage: /usr/bin/python3 modbus_peer_server.py PORT

Serves unit 1 on 127.0.0.1:PORT, zero-based addresses, until killed:
  holding:0     execution       uint16   1 (ACTIVE)
  holding:1..2  part count      uint32   70000, little word order (low word first)
  holding:3     spindle speed   int16    12000, scale 0.1 -> 1200.0 rev/min
  holding:4..5  T1.wear.x       float32  0.25, big word order, writable
  holding:6     X position      int16    -1234, scale 0.01 -> -12.34 mm
  holding:7..9  zero; holding:10 and up do not exist (exception 2)
  input:0..1    spindle load    float32  42.5
  coil:0        COOLANT_LOW     on
  coil:1        SPINDLE_OVERLOAD off
  discrete:0    DOOR_OPEN       on
"""
import asyncio
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer


def float32_words(value):
    high, low = struct.unpack(">HH", struct.pack(">f", value))
    return [high, low]


def main():
    port = int(sys.argv[1])
    part_count = 70000
    holding = [1, part_count & 0xFFFF, part_count >> 16, 12000] + float32_words(0.25) + [(-1234) & 0xFFFF, 0, 0, 0]
    unit = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, holding),
        ir=ModbusSequentialDataBlock(0, float32_words(42.5)),
        co=ModbusSequentialDataBlock(0, [True, False]),
        di=ModbusSequentialDataBlock(0, [True]),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves={1: unit}, single=False)
    asyncio.run(StartAsyncTcpServer(context=context, address=("127.0.0.1", port)))


if __name__ == "__main__":
    main()
