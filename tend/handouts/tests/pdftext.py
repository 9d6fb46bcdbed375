"""The text a PDF shows, read from the PDF's own bytes (no PDF library or poppler is installed).

Enough of PDF for what WeasyPrint writes: objects, also inside compressed object streams;
FlateDecode streams; Type0 fonts whose /ToUnicode CMap maps 2-byte glyph codes to text
(bfchar and bfrange); and content streams showing hex strings with Tj/TJ after `/name size Tf`.
It reads what a PDF viewer would show a person, glyph by glyph, so a test that finds a title
here really finds it in the file.
"""

import re
import zlib

OBJECT_START = re.compile(rb"(?<![\d])(\d+)\s+0\s+obj\b")
STREAM_START = re.compile(rb">>\s*stream\r?\n")
REF = rb"(\d+)\s+0\s+R"


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """object number -> (dictionary text, decoded stream or None)."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    position = 0
    while (match := OBJECT_START.search(data, position)) is not None:
        number, start = int(match.group(1)), match.end()
        stream = STREAM_START.search(data, start)
        end = data.find(b"endobj", start)
        if stream is not None and stream.start() < end:
            head = data[start:stream.start()]
            length = int(re.search(rb"/Length\s+(\d+)", head).group(1))  # WeasyPrint writes it directly
            raw = data[stream.end():stream.end() + length]
            objects[number] = (head, zlib.decompress(raw) if b"/FlateDecode" in head else raw)
            position = data.find(b"endobj", stream.end() + length) + len(b"endobj")
        else:
            objects[number] = (data[start:end].strip(), None)
            position = end + len(b"endobj")
    for head, decoded in list(objects.values()):
        if decoded is not None and b"/ObjStm" in head:
            first = int(re.search(rb"/First\s+(\d+)", head).group(1))
            count = int(re.search(rb"/N\s+(\d+)", head).group(1))
            numbers = [int(n) for n in decoded[:first].split()]
            pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))[:count]
            for index, (number, offset) in enumerate(pairs):
                end = first + pairs[index + 1][1] if index + 1 < len(pairs) else len(decoded)
                objects.setdefault(number, (decoded[first + offset:end].strip(), None))
    return objects


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for code, value in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(value.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, value in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            start = int(value, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def pdf_text(data: bytes) -> str:
    """All text shown on the PDF's pages, runs joined by spaces and whitespace collapsed."""
    objects = _objects(data)
    font_maps: dict[int, dict[int, str]] = {}
    for number, (head, _stream) in objects.items():
        unicode_ref = re.search(rb"/ToUnicode\s+" + REF, head)
        if unicode_ref and b"/Font" in head:
            cmap_stream = objects.get(int(unicode_ref.group(1)), (b"", None))[1] or b""
            font_maps[number] = _cmap(cmap_stream)
    names: dict[bytes, dict[int, str]] = {}
    for head, _stream in objects.values():  # font resources, inline or in their own object
        for name, ref in re.findall(rb"/([^\s/<>\[\]()]+)\s+" + REF, head):
            if int(ref) in font_maps:
                names[name] = font_maps[int(ref)]
    runs = []
    for head, stream in objects.values():
        if stream is None or b"/Length1" in head or b"/ObjStm" in head or b"/XRef" in head or b"begincmap" in stream:
            continue
        current: dict[int, str] = {}
        for token in re.finditer(rb"/([^\s/<>\[\]()]+)\s+[\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj", stream, re.S):
            if token.group(1) is not None:
                current = names.get(token.group(1), {})
                continue
            hexes = re.findall(rb"<([0-9a-fA-F]*)>", token.group(2)) if token.group(2) is not None else [token.group(3)]
            text = []
            for value in hexes:
                raw = bytes.fromhex(value.decode())
                text.extend(current.get(int.from_bytes(raw[i:i + 2], "big"), "\ufffd") for i in range(0, len(raw) - 1, 2))
            runs.append("".join(text))
    return " ".join(" ".join(runs).split())
