"""Small thumbnails of banner images, embedded in the staff report as data URIs.

Made from the bytes the crawler already read (the first ``max_image_bytes`` of each banner image):
an image larger than that is cut short, cannot be decoded whole and gets no thumbnail (the report
links to it instead). Decoding is bounded: a hostile image claiming huge dimensions is refused.
"""

from __future__ import annotations

import base64
import io
import warnings

from PIL import Image, ImageFile

THUMB_SIZE = (200, 110)      # pixels, at most: a few KB as JPEG
_QUALITY = 70
_MAX_PIXELS = 40_000_000     # a decompression bomb is refused before it is decoded

ImageFile.LOAD_TRUNCATED_IMAGES = False


def thumbnail(data: bytes) -> str | None:
    """A ``data:image/jpeg;base64,…`` thumbnail of the image, or None when it cannot be made whole."""
    if not data:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > _MAX_PIXELS:
                    return None
                image.draft("RGB", (THUMB_SIZE[0] * 2, THUMB_SIZE[1] * 2))  # JPEG: decode at a smaller scale
                image.load()
                picture = _flattened(image)
                picture.thumbnail(THUMB_SIZE)
                out = io.BytesIO()
                picture.save(out, format="JPEG", quality=_QUALITY, optimize=True)
    except Exception:  # truncated, corrupt, unsupported or hostile: no thumbnail, the link remains
        return None
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _flattened(image: Image.Image) -> Image.Image:
    """RGB on white (transparent PNG/GIF banners keep their look)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
