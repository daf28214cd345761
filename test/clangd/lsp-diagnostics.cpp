// REQUIRES: clangd
// An editor session over LSP: poolguard-clangd publishes a poolguard
// diagnostic for the opened text, with its range, check name, message, fix
// and note; the quick fix an editor offers for it is the '?' -> '&' edit; and
// the diagnostic is cleared when an edit fixes the code.
//
// RUN: rm -rf %t && mkdir -p %t/src %t/strict
// RUN: echo -xc++ > %t/src/compile_flags.txt
// RUN: echo -std=c++17 >> %t/src/compile_flags.txt
// RUN: echo -nostdinc++ >> %t/src/compile_flags.txt
// RUN: echo -isystem%headers >> %t/src/compile_flags.txt
// RUN: echo "Diagnostics: {ClangTidy: {Add: [poolguard-dsn-query-append], FastCheckFilter: Loose}}" > %t/src/.clangd
// RUN: cp %s %t/src/dsn.cpp
// RUN: sed -e 's/"?connection_limit=5"/"\&connection_limit=5"/' %s > %t/src/dsn-fixed.cpp
// RUN: python3 %S/lsp_client.py --clangd %clangd --file %t/src/dsn.cpp \
// RUN:   --change %t/src/dsn-fixed.cpp --code-actions --log %t/clangd.log | FileCheck %s
//
// Without FastCheckFilter: Loose, clangd's default (Strict) drops every check
// it has no latency figure for, but poolguard's count as fast: same finding.
// RUN: cp %t/src/compile_flags.txt %t/strict/compile_flags.txt
// RUN: echo "Diagnostics: {ClangTidy: {Add: [poolguard-dsn-query-append]}}" > %t/strict/.clangd
// RUN: cp %s %t/strict/dsn.cpp
// RUN: python3 %S/lsp_client.py --clangd %clangd --file %t/strict/dsn.cpp \
// RUN:   | FileCheck %s --check-prefix=STRICT
// STRICT:      version 1: 1 diagnostic
// STRICT-NEXT: dsn.cpp:36:37-36:38: warning: Query string appended with '?' {{.*}} [poolguard-dsn-query-append] (clang-tidy)
// STRICT-NEXT:   related dsn.cpp:33:45: Base URL defined here
// STRICT-NEXT: server exited with status 0

#include <string>

// The base already carries a query.
const std::string DATABASE_URL_WITH_QUERY = "postgresql://u:p@db:5432/app?schema=public";

std::string poolUrl() {
  return DATABASE_URL_WITH_QUERY + "?connection_limit=5";
  // CHECK:      version 1: 1 diagnostic
  // CHECK-NEXT: dsn.cpp:[[@LINE-2]]:37-[[@LINE-2]]:38: warning: Query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to add a parameter (fix available) [poolguard-dsn-query-append] (clang-tidy)
  // CHECK-NEXT:   related dsn.cpp:[[@LINE-6]]:45: Base URL defined here
  // CHECK-NEXT: fix "change '?' to '&'": dsn.cpp:[[@LINE-4]]:37-[[@LINE-4]]:38 -> "&"
}

// The edit replaces '?' with '&': the diagnostic goes away.
// CHECK-NEXT: version 2: 0 diagnostics
// CHECK-NEXT: server exited with status 0
