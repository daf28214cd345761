// The standalone tool runs the same check: text and JSON output, fixes,
// notes and exit codes.
// RUN: %expect_exit 1 %poolguard %s --checks='-*,poolguard-dsn-query-append' \
// RUN:   -- -std=c++17 -nostdinc++ -isystem %headers | %FileCheck %s --check-prefix=TEXT
// RUN: %expect_exit 1 %poolguard %s --checks='-*,poolguard-dsn-*' --format=json \
// RUN:   -- -std=c++17 -nostdinc++ -isystem %headers | %FileCheck %s --check-prefix=JSON
// RUN: %expect_exit 0 %poolguard %s --checks='-*,poolguard-repeated-pool' \
// RUN:   -- -std=c++17 -nostdinc++ -isystem %headers

#include <cstdlib>
#include <string>

const std::string DATABASE_LINK = "postgresql://u:p@h:5432/db?schema=public";

std::string incident() { return DATABASE_LINK + "?connection_limit=5"; }
// TEXT: dsn-query-append-tool.cpp:[[@LINE-1]]:50: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to add a parameter [poolguard-dsn-query-append]
// TEXT: dsn-query-append-tool.cpp:13:35: note: base URL defined here

// JSON:      "check": "poolguard-dsn-query-append",
// JSON-NEXT: "severity": "warning",
// JSON-NEXT: "message": "query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator \"=\" in URI query parameter: \"schema\"'); use '&' to add a parameter",
// JSON-NEXT: "file": "{{.*}}dsn-query-append-tool.cpp",
// JSON-NEXT: "line": 15,
// JSON-NEXT: "column": 50,
// JSON-NEXT: "notes": [
// JSON-NEXT:   {
// JSON-NEXT:     "message": "base URL defined here",
// JSON-NEXT:     "file": "{{.*}}dsn-query-append-tool.cpp",
// JSON-NEXT:     "line": 13,
// JSON-NEXT:     "column": 35
// JSON-NEXT:   }
// JSON-NEXT: ],
// JSON-NEXT: "fixes": [
// JSON-NEXT:   {
// JSON-NEXT:     "file": "{{.*}}dsn-query-append-tool.cpp",
// JSON-NEXT:     "offset": [[#]],
// JSON-NEXT:     "length": 1,
// JSON-NEXT:     "replacement": "&"

std::string fromEnv() {
  return std::string(std::getenv("DATABASE_URL")) + "?connection_limit=5";
}
// TEXT: dsn-query-append-tool.cpp:[[@LINE-2]]:54: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one [poolguard-dsn-query-append]
// TEXT: dsn-query-append-tool.cpp:[[@LINE-3]]:22: note: base URL comes from environment variable 'DATABASE_URL'
// TEXT: dsn-query-append-tool.cpp:[[@LINE-4]]:54: note: choose the separator with 'url.find('?') == std::string::npos ? "?" : "&"'

// JSON:      "message": "query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one",
// JSON:      "line": 41,
// JSON:      "fixes": []
