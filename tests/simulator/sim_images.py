"""Read image dimensions from bytes, the way an image-size reader does (test helper)."""

from __future__ import annotations

import struct


def image_size(data: bytes) -> tuple[int, int]:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    assert data.startswith(b"\xff\xd8"), "neither PNG nor JPEG"
    index = 2
    while index < len(data):
        assert data[index] == 0xFF
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2: index + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[index + 5: index + 9])
            return width, height
        index += 2 + length
    raise AssertionError("no SOF marker")
