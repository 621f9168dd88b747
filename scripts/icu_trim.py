"""Build step for build.spec (Linux): a smaller ICU data library for the bundle.

PySide6's Qt links ICU, whose data library (libicudata.so.NN, 32 MB) holds every locale of
CLDR. Qt calls only three ICU services (nm -D --undefined-only libQt6Core.so.6): ucol
(QCollator), ucnv (QStringConverter) and ucal (time-zone display names). This keeps what those
need for Chinese and English - the root, zh* and en* locales of each tree, the collation root
and zh tables, every converter, and every non-locale file (supplemental data, zone tables,
normalisation, properties) - and leaves out the break-iteration dictionaries, transliterators,
spell-out rules and the other ~700 locales. A locale asked for but missing falls back to root,
as ICU does for any locale it does not have.

The data is ICU's "common data" package (a header, a sorted table of contents, items aligned to
16 bytes) stored as the one exported symbol icudtNN_dat; the new library is assembled and
linked with binutils (as, ld), which PyInstaller's strip already requires.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

KEEP_LANGUAGES = ("zh", "en")
DROP_TREES = ("brkitr", "translit", "rbnf")  # no Qt call reaches them
_LOCALE = re.compile(r"[a-z]{2,3}(?:_.*)?")


def keep_item(name: str) -> bool:
    """Whether an item (e.g. "icudt73l/coll/zh.res") stays in the trimmed package."""
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROP_TREES:
        return False
    leaf = parts[-1]
    if not leaf.endswith(".res"):
        return True  # converters, properties, normalisation, collation base data
    stem = leaf[: -len(".res")]
    if stem in ("root", "pool", "res_index") or not _LOCALE.fullmatch(stem):
        return True  # the fallback root, shared key pools, supplementalData, zoneinfo64, ...
    return stem.split("_")[0] in KEEP_LANGUAGES


def read_items(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and (name, item bytes) of an ICU common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if blob[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("big-endian ICU data is not handled")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return blob[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package (names sorted, as ICU's binary search needs)."""
    items = sorted(items, key=lambda item: item[0].encode("ascii"))
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    first = table_size + len(names)
    first += -(len(header) + first) % 16  # items start 16-aligned in the whole blob
    offsets, body, position = [], bytearray(), first
    for _name, data in items:
        offsets.append(position)
        pad = -(len(header) + position + len(data)) % 16
        body += data + b"\0" * pad
        position += len(data) + pad
    out = bytearray(header)
    out += struct.pack("<I", len(items))
    name_offset = table_size
    for (name, _data), data_offset in zip(items, offsets, strict=True):
        out += struct.pack("<II", name_offset, data_offset)
        name_offset += len(name) + 1
    out += names
    out += b"\xaa" * (len(header) + first - len(out))  # ICU's own filler
    out += body
    return bytes(out)


def trim(blob: bytes) -> bytes:
    header, items = read_items(blob)
    return write_items(header, [item for item in items if keep_item(item[0])])


def _elf_symbol(path: Path) -> tuple[str, bytes]:
    """The name and bytes of the one data symbol (icudtNN_dat) of an ELF64 little-endian .so."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for i in range(shnum):
        fields = struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
        sections.append(fields)  # name, type, flags, addr, offset, size, link, info, align, entsize
    for _name, sh_type, _f, _a, offset, size, link, _i, _al, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for pos in range(offset, offset + size, entsize):
            st_name, _info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", data, pos)
            start = strtab[4] + st_name
            name = data[start : data.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name):
                section = sections[shndx]
                file_offset = section[4] + value - section[3]
                return name, data[file_offset : file_offset + st_size]
    raise ValueError(f"{path}: no icudtNN_dat symbol")


def _soname(path: Path) -> str:
    out = subprocess.run(
        ["readelf", "-d", str(path)], check=True, capture_output=True, text=True
    ).stdout
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
    return found.group(1) if found else path.name


def build_library(source: Path, out_dir: Path) -> Path:
    """Write a trimmed copy of the ICU data library `source` into out_dir; returns its path."""
    symbol, blob = _elf_symbol(source)
    trimmed = trim(blob)
    out_dir.mkdir(parents=True, exist_ok=True)
    dat = out_dir / f"{symbol}.dat"
    dat.write_bytes(trimmed)
    asm = out_dir / f"{symbol}.s"
    asm.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
        f'{symbol}:\n\t.incbin "{dat.name}"\n\t.size {symbol}, {len(trimmed)}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    obj = out_dir / f"{symbol}.o"
    target = out_dir / source.name
    subprocess.run(["as", "-o", obj.name, asm.name], check=True, cwd=out_dir)
    subprocess.run(
        ["ld", "-shared", "-soname", _soname(source), "-o", str(target), obj.name],
        check=True,
        cwd=out_dir,
    )
    return target


if __name__ == "__main__":
    lib = build_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(
        f"{lib}: {lib.stat().st_size / 1e6:.1f} MB (was {Path(sys.argv[1]).stat().st_size / 1e6:.1f})"
    )
