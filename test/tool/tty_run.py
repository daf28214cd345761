"""Runs a command with its standard output and error on a pseudo-terminal
(as in an interactive shell) and prints what the terminal received, with
escape sequences and carriage returns made visible: ESC as "<ESC>", CR as
"<CR>". Usage: tty_run.py [--stdout-file FILE] -- COMMAND...

With --stdout-file, standard output goes to FILE instead (not a terminal) and
only standard error is on the terminal."""

import os
import pty
import subprocess
import sys


def main():
    args = sys.argv[1:]
    out_file = None
    if args[:1] == ["--stdout-file"]:
        out_file, args = args[1], args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    master, slave = pty.openpty()
    stdout = open(out_file, "wb") if out_file else slave
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=stdout,
                            stderr=slave, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed.
            break
        if not data:
            break
        chunks.append(data)
    rc = proc.wait()
    text = b"".join(chunks).decode(errors="replace")
    # The terminal turns "\n" into "\r\n"; only the command's own CRs count.
    text = text.replace("\r\n", "\n")
    sys.stdout.write(text.replace("\x1b", "<ESC>").replace("\r", "<CR>"))
    sys.stdout.write("exit %d\n" % rc)


if __name__ == "__main__":
    main()
