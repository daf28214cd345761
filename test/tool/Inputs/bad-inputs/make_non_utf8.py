"""Writes a TU whose file name is not UTF-8 (Latin-1 'café-dsn.cpp') with a
DSN finding, and a compile database naming it, into the directory argv[1]."""
import os
import sys

root = os.fsencode(sys.argv[1])
name = b"caf\xe9-dsn.cpp"
src = os.path.join(root, b"src")
os.makedirs(src, exist_ok=True)
with open(os.path.join(src, name), "wb") as f:
    f.write(b'#include <string>\n'
            b'std::string url(std::string Base) {\n'
            b'  Base = "postgres://db/app?schema=public";\n'
            b'  return Base + "?connection_limit=5";\n'
            b'}\n')
headers = os.fsencode(sys.argv[2])
entry = (b'[{"directory": "' + root + b'", "file": "src/' + name +
         b'", "arguments": ["clang++", "-std=c++17", "-nostdinc++", "-isystem", "' +
         headers + b'", "-c", "src/' + name + b'"]}]')
with open(os.path.join(root, b"compile_commands.json"), "wb") as f:
    f.write(entry)
