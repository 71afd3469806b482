#!/usr/bin/python3
"""journalctl stand-in for quorum lab hosts: prints what the systemctl stand-in logged for a unit
(/var/log/quorum-lab/NAME.log: service stdout/stderr plus lifecycle lines).
Supports -u UNIT (repeatable), -n N / --lines=N, --no-pager; -x, -e, -q, -b, -o, --since and
--until are accepted and ignored; -f prints the current tail and exits (lab commands stay bounded)."""
import os
import sys

LOG_DIR = "/var/log/quorum-lab"
WITH_ARG = {"-u", "--unit", "-n", "--lines", "--since", "--until", "-S", "-U", "-o", "--output",
            "-b", "--boot", "-p", "--priority", "-t", "--identifier"}


def parse(args):
    units, lines, i = [], None, 0
    while i < len(args):
        a = args[i]
        value = None
        if a.startswith("--") and "=" in a:
            a, value = a.split("=", 1)
        elif a in WITH_ARG:
            value = args[i + 1] if i + 1 < len(args) else None
            i += 1
        elif a.startswith("-") and not a.startswith("--") and len(a) > 2:
            # combined short flags, e.g. -xeu etcd or -n50: the last letter may take an argument
            letters = a[1:]
            for j, ch in enumerate(letters):
                if "-" + ch in WITH_ARG:
                    rest = letters[j + 1:]
                    if rest:
                        value = rest
                    elif i + 1 < len(args):
                        value = args[i + 1]
                        i += 1
                    a = "-" + ch
                    break
        if a in ("-u", "--unit") and value:
            units.append(value if "." in value else value + ".service")
        elif a in ("-n", "--lines") and value:
            lines = None if value == "all" else int(value.lstrip("+"))
        i += 1
    return units, lines


def read_lines(path, last=None):
    """The file's lines, or only its last ones read from the end: a service that logs in a tight loop (etcd
    refusing its own start-up request) writes hundreds of megabytes, and real journalctl -n stays cheap."""
    with open(path, "rb") as f:
        if last is None:
            return f.read().decode(errors="replace").splitlines()
        f.seek(0, os.SEEK_END)
        end = f.tell()
        start, chunk = end, b""
        while start > 0 and chunk.count(b"\n") <= last:
            start = max(0, start - 65536)
            f.seek(start)
            chunk = f.read(end - start)
        lines = chunk.decode(errors="replace").splitlines()
        if start > 0:
            lines = lines[1:]    # the first line read may be cut
        return lines[-last:] if last else []


def main(args):
    units, lines = parse(args)
    if not units and os.path.isdir(LOG_DIR):
        units = sorted(f[:-4] + ".service" for f in os.listdir(LOG_DIR) if f.endswith(".log"))
    out = []
    for unit in units:
        name = unit[:-len(".service")] if unit.endswith(".service") else unit
        try:
            out += read_lines(os.path.join(LOG_DIR, name + ".log"), lines)
        except OSError:
            pass
    if lines is not None:
        out = out[-lines:] if lines else []
    if not out:
        print("-- No entries --")
    else:
        print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
