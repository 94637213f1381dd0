#!/usr/bin/python3
"""Checks a memory_info.svg: well-formed XML, at least one tensor rectangle
with a <title> tooltip, and that rsvg-convert (Debian's librsvg2-bin,
which scripts/common.sh installs) renders it to a non-empty PNG of the size
the SVG declares.

Usage: check_svg.py FILE.svg
Exits 0 when all checks pass; prints the first failure otherwise.
"""

import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.dom.minidom


def fail(message):
    sys.exit("check_svg.py: " + message)


def length(svg, name):
    """The root's width or height in pixels (a bare number or `px`)."""
    value = svg.getAttribute(name)
    match = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value)
    if not match:
        fail("<svg> %s=%r is not a length in pixels" % (name, value))
    return float(match.group(1))


def titled_rects(document):
    """Rectangles with a tooltip: their own <title>, or their group's."""
    count = 0
    for rect in document.getElementsByTagName("rect"):
        for node in (rect, rect.parentNode):
            if any(child.nodeType == child.ELEMENT_NODE
                   and child.tagName == "title" for child in node.childNodes):
                count += 1
                break
    return count


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s is not a PNG" % path)
    return struct.unpack(">II", header[16:24])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    try:
        document = xml.dom.minidom.parse(path)
    except Exception as error:
        fail("%s is not well-formed XML: %s" % (path, error))
    svg = document.documentElement
    if svg.tagName != "svg":
        fail("root element is <%s>, not <svg>" % svg.tagName)
    width, height = length(svg, "width"), length(svg, "height")
    if titled_rects(document) == 0:
        fail("no <rect> with a <title>")

    rsvg = shutil.which("rsvg-convert")
    if not rsvg:
        fail("rsvg-convert is not on PATH (install librsvg2-bin)")
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "out.png")
        result = subprocess.run([rsvg, "-f", "png", "-o", png, path],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail("rsvg-convert failed: " + result.stderr.strip())
        if not os.path.exists(png) or os.path.getsize(png) == 0:
            fail("rsvg-convert wrote an empty PNG")
        got = png_size(png)
        # rsvg-convert rounds fractional sizes up.
        want = (math.ceil(width), math.ceil(height))
        if got != want:
            fail("PNG is %dx%d, the SVG declares %dx%d" % (got + want))


if __name__ == "__main__":
    main()
