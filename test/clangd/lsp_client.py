#!/usr/bin/env python3
"""Drives a clangd over LSP on stdio the way an editor does; prints diagnostics.

Usage:
  lsp_client.py --clangd BIN --file SRC [--change NEW [--before-change CMD]]...
                [--code-actions] [--workspace-symbol QUERY]
                [--user-config YAML] [--timeout S] [--log LOG]
                [-- EXTRA_CLANGD_ARGS...]

The session: initialize (rootUri = directory of SRC, which holds the
compile_flags.txt / compile_commands.json and .clangd of the test),
initialized, textDocument/didOpen with the text of SRC (version 1), wait for
the publishDiagnostics of version 1 (with --code-actions, ask for the quick
fixes of each diagnostic, as an editor's light bulb does; with
--workspace-symbol, search the index for QUERY); then for each
--change NEW (after running the matching --before-change CMD, e.g. one
that rewrites the facts index, if given) a full-text
textDocument/didChange with the text of NEW (versions 2, 3, ...) and again
wait for the diagnostics of that version; finally didClose, shutdown, exit,
and check that the server exits with status 0.

Each round prints, for FileCheck:

  before version 2: exit STATUS      (with --before-change)
  version 2: 2 diagnostics
  SRCNAME:LINE:COL-ENDLINE:ENDCOL: warning: MESSAGE [CODE] (SOURCE)
    related SRCNAME:LINE:COL: MESSAGE

and with --code-actions, for each diagnostic with a quick fix:

  fix "TITLE": SRCNAME:LINE:COL-ENDLINE:ENDCOL -> "NEW TEXT"

and with --workspace-symbol, one line per symbol found:

  symbol NAME (CONTAINER) at SRCNAME:LINE:COL

with file base names, 1-based lines and 1-based UTF-16 columns (LSP ranges
are 0-based; the end is exclusive). Diagnostics are sorted by position.
Messages are printed on one line; an embedded newline prints as "\\n".

Exit status: 0 on success; 1 on a timeout, a protocol error or a server
failure (with the server's log on stderr).

Only the Python standard library is used. The server runs with its own
XDG_CONFIG_HOME so no user-level clangd configuration leaks in (--user-config
YAML becomes its clangd/config.yaml, which clangd trusts, unlike a project's
.clangd), and without CLANGD_FLAGS.
"""

import argparse
import json
import os
import queue
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SEVERITIES = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class ProtocolError(Exception):
    pass


def path_to_uri(path):
    return urllib.parse.urljoin("file:", urllib.request.pathname2url(os.path.abspath(path)))


def uri_to_path(uri):
    return urllib.request.url2pathname(urllib.parse.urlparse(uri).path)


class LspConnection:
    """JSON-RPC 2.0 with Content-Length framing over a child's stdio."""

    def __init__(self, argv, env, log_file):
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file, env=env)
        self.next_id = 1
        self.incoming = queue.Queue()
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _read_message(self):
        stream = self.proc.stdout
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise ProtocolError("message without Content-Length")
        body = stream.read(length)
        if len(body) != length:
            return None
        return json.loads(body.decode("utf-8"))

    def _read_loop(self):
        try:
            while True:
                message = self._read_message()
                if message is None:
                    break
                self.incoming.put(message)
        except Exception as e:  # surfaced to the main thread
            self.incoming.put(e)
        self.incoming.put(None)

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        return request_id

    def receive(self, deadline):
        """Next message from the server; answers server-to-client requests."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProtocolError("timed out waiting for the server")
            try:
                message = self.incoming.get(timeout=remaining)
            except queue.Empty:
                raise ProtocolError("timed out waiting for the server")
            if message is None:
                raise ProtocolError("server closed its output (exit status %s)" % self.proc.poll())
            if isinstance(message, Exception):
                raise ProtocolError("cannot read server output: %s" % message)
            if "method" in message and "id" in message:
                # e.g. window/workDoneProgress/create: accept and move on.
                self.send({"id": message["id"], "result": None})
                continue
            return message

    def wait_response(self, request_id, deadline, on_other=None):
        while True:
            message = self.receive(deadline)
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise ProtocolError("request %d failed: %s" % (request_id, message["error"]))
                return message.get("result")
            if on_other:
                on_other(message)


def format_position(position):
    return "%d:%d" % (position["line"] + 1, position["character"] + 1)


def one_line(text):
    return text.replace("\n", "\\n")


def format_diagnostics(version, diagnostics, main_name):
    lines = ["version %d: %d diagnostic%s" % (version, len(diagnostics),
                                               "" if len(diagnostics) == 1 else "s")]
    for d in sorted_diagnostics(diagnostics):
        rng = d["range"]
        lines.append("%s:%s-%s: %s: %s [%s] (%s)" % (
            main_name, format_position(rng["start"]), format_position(rng["end"]),
            SEVERITIES.get(d.get("severity"), "unknown"), one_line(d.get("message", "")),
            d.get("code", ""), d.get("source", "")))
        for info in d.get("relatedInformation", []):
            location = info["location"]
            lines.append("  related %s:%s: %s" % (
                os.path.basename(uri_to_path(location["uri"])),
                format_position(location["range"]["start"]), one_line(info["message"])))
    return lines


def sorted_diagnostics(diagnostics):
    return sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"],
                                              d["range"]["start"]["character"],
                                              d.get("message", "")))


def quick_fixes(conn, uri, diagnostics, deadline_for):
    """textDocument/codeAction for each diagnostic, listing the quick fixes."""
    lines = []
    for d in sorted_diagnostics(diagnostics):
        request = conn.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": d["range"],
            "context": {"diagnostics": [d], "only": ["quickfix"]},
        })
        for action in conn.wait_response(request, deadline_for()) or []:
            if action.get("kind") != "quickfix":
                continue
            changes = action.get("edit", {}).get("changes", {})
            for change_uri in sorted(changes):
                for edit in changes[change_uri]:
                    rng = edit["range"]
                    lines.append('fix "%s": %s:%s-%s -> "%s"' % (
                        one_line(action["title"]), os.path.basename(uri_to_path(change_uri)),
                        format_position(rng["start"]), format_position(rng["end"]),
                        one_line(edit["newText"])))
    return lines


def run(args):
    with tempfile.TemporaryDirectory(prefix="poolguard-lsp-") as scratch:
        return run_in(args, scratch)


def run_in(args, scratch):
    main_file = os.path.abspath(args.file)
    root = os.path.dirname(main_file)
    uri = path_to_uri(main_file)
    deadline_for = lambda: time.monotonic() + args.timeout

    env = dict(os.environ)
    env.pop("CLANGD_FLAGS", None)
    config_home = os.path.join(scratch, "config")
    os.makedirs(os.path.join(config_home, "clangd"))
    env["XDG_CONFIG_HOME"] = config_home
    if args.user_config:
        with open(args.user_config, encoding="utf-8") as src, \
                open(os.path.join(config_home, "clangd", "config.yaml"), "w",
                     encoding="utf-8") as dst:
            dst.write(src.read())

    log_path = args.log or os.path.join(scratch, "clangd.log")
    with open(log_path, "wb") as log_file:
        argv = [args.clangd, "--background-index=false", "--log=verbose"] + args.clangd_args
        conn = LspConnection(argv, env, log_file)
        try:
            output = session(conn, args, root, uri, main_file, deadline_for)
        except ProtocolError as e:
            conn.proc.kill()
            conn.proc.wait()
            sys.stderr.write("lsp_client.py: error: %s\n" % e)
            log_file.flush()
            with open(log_path, "rb") as log:
                sys.stderr.write(log.read().decode("utf-8", "replace")[-20000:])
            return 1
    print("\n".join(output))
    return 0


def session(conn, args, root, uri, main_file, deadline_for):
    output = []
    capabilities = {
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
            "synchronization": {"didSave": True},
            # Code actions as literals with their edits, not as commands.
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix", "refactor"]}}},
        },
        "general": {"positionEncodings": ["utf-16"]},
    }
    init = conn.request("initialize", {
        "processId": os.getpid(),
        "rootUri": path_to_uri(root),
        "capabilities": capabilities,
        "clientInfo": {"name": "poolguard-lsp-test"},
    })
    result = conn.wait_response(init, deadline_for())
    if "capabilities" not in result:
        raise ProtocolError("initialize returned no capabilities")
    conn.notify("initialized", {})

    def wait_diagnostics(version):
        deadline = deadline_for()
        while True:
            message = conn.receive(deadline)
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params.get("uri") != uri:
                continue
            # clangd sends the version of the text the diagnostics belong to.
            if params.get("version", version) != version:
                continue
            return params["diagnostics"]

    name = os.path.basename(main_file)
    with open(main_file, encoding="utf-8") as f:
        text = f.read()
    conn.notify("textDocument/didOpen", {
        "textDocument": {"uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    diagnostics = wait_diagnostics(1)
    output += format_diagnostics(1, diagnostics, name)
    if args.code_actions:
        output += quick_fixes(conn, uri, diagnostics, deadline_for)
    if args.workspace_symbol is not None:
        request = conn.request("workspace/symbol", {"query": args.workspace_symbol})
        symbols = conn.wait_response(request, deadline_for()) or []
        for symbol in sorted(symbols, key=lambda x: (x["name"], x.get("containerName", ""))):
            location = symbol["location"]
            output.append("symbol %s (%s) at %s:%s" % (
                symbol["name"], symbol.get("containerName", ""),
                os.path.basename(uri_to_path(location["uri"])),
                format_position(location["range"]["start"])))

    if len(args.before_change) > len(args.change):
        raise ProtocolError("more --before-change than --change")
    for version, change in enumerate(args.change, start=2):
        if version - 2 < len(args.before_change):
            status = subprocess.run(shlex.split(args.before_change[version - 2]),
                                    stdin=subprocess.DEVNULL).returncode
            output.append("before version %d: exit %d" % (version, status))
        with open(change, encoding="utf-8") as f:
            text = f.read()
        conn.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})
        output += format_diagnostics(version, wait_diagnostics(version), name)

    conn.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    shutdown = conn.request("shutdown", None)
    conn.wait_response(shutdown, deadline_for())
    conn.notify("exit", None)
    conn.proc.stdin.close()
    try:
        status = conn.proc.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        raise ProtocolError("server did not exit after 'exit'")
    if status != 0:
        raise ProtocolError("server exited with status %d" % status)
    output.append("server exited with status 0")
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd", required=True, help="clangd binary to test")
    parser.add_argument("--file", required=True, help="source file opened in the editor")
    parser.add_argument("--change", action="append", default=[],
                        help="file whose text replaces the document (repeatable)")
    parser.add_argument("--before-change", action="append", default=[], metavar="CMD",
                        help="command run before the matching --change (repeatable)")
    parser.add_argument("--code-actions", action="store_true",
                        help="list the quick fixes of the first version's diagnostics")
    parser.add_argument("--workspace-symbol", metavar="QUERY",
                        help="search the index after the first diagnostics")
    parser.add_argument("--user-config", metavar="YAML",
                        help="the server's user-level clangd config.yaml")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds to wait for each server answer")
    parser.add_argument("--log", help="write the server's log here")
    parser.add_argument("clangd_args", nargs="*", help="after --: extra clangd arguments")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
