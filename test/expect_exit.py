#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the expected code.

Usage: expect_exit.py <code> <command> [args...]
The command's stdout and stderr pass through unchanged, so RUN lines can pipe
them to FileCheck (use 2>&1 to check both).
"""
import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != expected:
    sys.stderr.write("expect_exit: '%s' exited with %d, expected %d\n"
                     % (" ".join(sys.argv[2:]), proc.returncode, expected))
    sys.exit(1)
